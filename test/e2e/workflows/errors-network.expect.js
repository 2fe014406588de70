// Advice by cause, as each n8n line reports the failure: a refused connection sent nothing (a retry is
// safe, even for a push); an HTML 404 from a Base URL with a path is blamed on the Base URL, never on an ID.
module.exports = {
	check(result, sandbox, assert) {
		assert.equal(result.error, undefined);
		const [push] = result.output('Push (nothing listening)');
		assert.match(push.error, /^Could not connect to Plugged\.in at http:\/\/127\.0\.0\.1:\d+$/);
		assert.match(push.description, /refused \(ECONNREFUSED\)/);
		assert.match(push.description, /Nothing was sent to Plugged\.in, so running it again is safe/);
		assert.doesNotMatch(push.description, /may already have been applied/);
		for (const node of ['Get Many Documents (path)', 'Get Entry (path)', 'Get Quota (path)', 'Get Document (path)']) {
			const [item] = result.output(node);
			assert.equal(item.httpCode, '404', node);
			assert.match(item.description, /Base URL of the credential to the server's address without a path/, node);
			assert.doesNotMatch(item.description, /Check the ID/, node);
		}
	},
};
