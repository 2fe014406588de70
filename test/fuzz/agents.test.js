'use strict';
// Parameter fuzzing of the Agents node (see fuzz.js for what every run must end in).
const { PluggedInAgents } = require('../../nodes/PluggedInAgents/PluggedInAgents.node');
const { SEEDED_AGENTS } = require('../../sandbox/routes/agents');
const { fc, fuzzNode, locator, REQUEST_OPTIONS, text } = require('./fuzz');

const agent = (ids) => locator(fc.oneof(fc.constantFrom(...ids), fc.uuid(), text(40)));

fuzzNode({
	node: () => new PluggedInAgents(),
	runs: 35,
	plausible: {
		...REQUEST_OPTIONS,
		agentId: agent(Object.values(SEEDED_AGENTS)),
		name: fc.oneof(fc.stringMatching(/^[a-z][a-z0-9-]{2,20}$/), text(40)),
		image: fc.oneof(fc.constantFrom('nginx:alpine', 'ghcr.io/veriteknik/agent:1.0'), text(40)),
		uptimeSeconds: fc.integer({ min: -1, max: 100_000 }),
	},
	perOperation: {
		// Only agents that answer at once: a final state or no agent at all (a live one would be waited for).
		waitForState: { agentId: agent([SEEDED_AGENTS.terminated]) },
	},
});
