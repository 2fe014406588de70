'use strict';
// Parameter fuzzing of the Clipboard node (see fuzz.js for what every run must end in).
const { PluggedInClipboard } = require('../../nodes/PluggedInClipboard/PluggedInClipboard.node');
const { fc, fuzzNode, REQUEST_OPTIONS, text } = require('./fuzz');

fuzzNode({
	node: () => new PluggedInClipboard(),
	runs: 50,
	plausible: {
		...REQUEST_OPTIONS,
		name: fc.oneof(fc.constantFrom('user_preferences', 'session_notes', 'logo_png'), text(40)),
		idx: fc.integer({ min: -2, max: 5 }),
		value: fc.oneof(text(60), fc.constantFrom('aGVsbG8=', '00ff', 'not base64!')),
		limit: fc.integer({ min: -1, max: 1200 }),
	},
});
