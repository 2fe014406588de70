'use strict';
// Parameter fuzzing of the RAG node (see fuzz.js for what every run must end in).
const { PluggedInRag } = require('../../nodes/PluggedInRag/PluggedInRag.node');
const { fc, fuzzNode, REQUEST_OPTIONS, text } = require('./fuzz');

fuzzNode({
	node: () => new PluggedInRag(),
	runs: 50,
	plausible: {
		...REQUEST_OPTIONS,
		query: fc.oneof(fc.constantFrom('What is Plugged.in?', 'How do API keys work?'), text(60)),
		limit: fc.integer({ min: -1, max: 200 }),
	},
});
