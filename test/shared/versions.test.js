'use strict';
// A workflow saved with version 1 of a node (no `resource`, Send Heartbeat's `mode`, a clipboard name as
// text) still runs after the upgrade, and gives what version 2 gives.
const { SEEDED_AGENTS } = require('../../sandbox/routes/agents');
const { SEEDED_DOCUMENT_IDS } = require('../../sandbox/routes/documents');
const { startSandbox } = require('../../sandbox/server');
const { runNode } = require('../harness/engine');
const { PluggedInAgents } = require('../../nodes/PluggedInAgents/PluggedInAgents.node');
const { PluggedInClipboard } = require('../../nodes/PluggedInClipboard/PluggedInClipboard.node');
const { PluggedInDocuments } = require('../../nodes/PluggedInDocuments/PluggedInDocuments.node');
const { PluggedInRag } = require('../../nodes/PluggedInRag/PluggedInRag.node');

let sandbox;
beforeEach(async () => {
	sandbox = await startSandbox({ seed: true });
});
afterEach(async () => {
	await sandbox.stop();
});

const run = (NodeClass, parameters, typeVersion) =>
	runNode(new NodeClass(), parameters, {
		credentials: { apiKey: sandbox.apiKey, baseUrl: sandbox.url },
		typeVersion,
	});
const byId = (value) => ({ __rl: true, mode: 'id', value });

// [node, version 1 parameters (as saved before version 2), the same in version 2]
const CASES = {
	'Documents Get': [
		PluggedInDocuments,
		{ operation: 'get', documentId: byId(SEEDED_DOCUMENT_IDS.ragGuide) },
		{ resource: 'document', operation: 'get', documentId: byId(SEEDED_DOCUMENT_IDS.ragGuide) },
	],
	'RAG Ask': [
		PluggedInRag,
		{ operation: 'ask', query: 'clipboard' },
		{ resource: 'knowledgeBase', operation: 'ask', query: 'clipboard' },
	],
	'Clipboard Get (name as text, now a picker)': [
		PluggedInClipboard,
		{ operation: 'get', keyBy: 'name', name: 'user_preferences' },
		{ resource: 'clipboard', operation: 'get', keyBy: 'name', name: { __rl: true, mode: 'list', value: 'user_preferences' } },
	],
	'Agents Get': [
		PluggedInAgents,
		{ operation: 'get', agentId: byId(SEEDED_AGENTS.active) },
		{ resource: 'agent', operation: 'get', agentId: byId(SEEDED_AGENTS.active) },
	],
};

describe.each(Object.entries(CASES))('%s', (_name, [NodeClass, v1, v2]) => {
	test('version 1 parameters run and answer as version 2 does', async () => {
		const old = await run(NodeClass, v1, 1);
		expect(old.error).toBeUndefined();
		expect(old.items.length).toBeGreaterThan(0);
		const current = await run(NodeClass, v2, 2);
		expect(current.error).toBeUndefined();
		const stable = (items) => items.map((item) => JSON.stringify(item.json).replace(/"(fetchedAt|lastSeenAt)":"[^"]*"/g, ''));
		expect(stable(old.items)).toEqual(stable(current.items));
	});
});

test('Send Heartbeat: version 1 sends `mode`, version 2 sends `heartbeatMode`', async () => {
	const agentId = byId(SEEDED_AGENTS.active);
	const old = await run(PluggedInAgents, { operation: 'sendHeartbeat', agentId, mode: 'SLEEP', uptimeSeconds: 1 }, 1);
	expect(old.items[0].json).toMatchObject({ mode: 'SLEEP' });
	const current = await run(PluggedInAgents, { operation: 'sendHeartbeat', agentId, heartbeatMode: 'EMERGENCY', uptimeSeconds: 2 }, 2);
	expect(current.items[0].json).toMatchObject({ mode: 'EMERGENCY' });
});
