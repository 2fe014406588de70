'use strict';
const { json } = require('../http');
/** Contract §0: the credential test's endpoint; API key only, no route limiter. */
function profileRoutes(r) {
	r.get('/api/profile-capabilities', { auth: 'apiKey' }, () => json(200, { profileCapabilities: [] }));
}

module.exports = { profileRoutes };
