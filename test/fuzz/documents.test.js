'use strict';
// Parameter fuzzing of the Documents node (see fuzz.js for what every run must end in).
const { PluggedInDocuments } = require('../../nodes/PluggedInDocuments/PluggedInDocuments.node');
const { SEEDED_DOCUMENT_IDS } = require('../../sandbox/routes/documents');
const { fc, fuzzNode, locator, REQUEST_OPTIONS, text } = require('./fuzz');

const seededId = fc.constantFrom(...Object.values(SEEDED_DOCUMENT_IDS));

fuzzNode({
	node: () => new PluggedInDocuments(),
	runs: 40,
	plausible: {
		...REQUEST_OPTIONS,
		documentId: locator(
			fc.oneof(
				seededId,
				seededId.map((id) => `https://plugged.in/library/${id}`),
				fc.uuid(),
				text(40),
			),
		),
		versionNumber: fc.integer({ min: -1, max: 4 }),
		limit: fc.integer({ min: -1, max: 120 }),
	},
});
