'use strict';
/** The workflow the UI test opens: every node of the package, version 2, as a user would chain them. */
function uiWorkflow(credentialId) {
	const credentials = { pluggedInApi: { id: credentialId, name: 'Plugged.in (sandbox)' } };
	const node = (name, type, x, parameters, extra = {}) => ({
		id: `ui-${x}`,
		name,
		type: `n8n-nodes-pluggedin.${type}`,
		typeVersion: 2,
		position: [x, 0],
		parameters,
		credentials,
		...extra,
	});
	const nodes = [
		{ id: 'ui-start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		node('Get many documents', 'pluggedInDocuments', 240, { resource: 'document', operation: 'getMany', limit: 3 }),
		node('Ask a question', 'pluggedInRag', 480, {
			resource: 'knowledgeBase',
			operation: 'ask',
			query: '={{ "What is " + $json.title + "?" }}',
		}),
		node('Set a clipboard entry', 'pluggedInClipboard', 720, {
			resource: 'clipboard',
			operation: 'set',
			keyBy: 'name',
			name: { __rl: true, mode: 'name', value: 'last_answer' },
			value: '={{ $json.answer }}',
		}),
		node('Send a heartbeat', 'pluggedInAgents', 960, {
			resource: 'agent',
			operation: 'sendHeartbeat',
			agentId: { __rl: true, mode: 'id', value: '0a9e6f10-5c1d-4c59-9b8e-7a1d2c3b4e01' },
			heartbeatMode: 'IDLE',
		}),
		node('Send a notification', 'pluggedInNotifications', 1200, {
			resource: 'notification',
			operation: 'send',
			message: '={{ "Heartbeat sent: " + $json.message }}',
		}),
	];
	nodes.push({ ...node('On new document', 'pluggedInTrigger', 0, { event: 'documentCreated' }), typeVersion: 1, position: [0, 220] });
	const chain = nodes.slice(0, 6).map((entry) => entry.name);
	const connections = Object.fromEntries(
		chain.slice(0, -1).map((from, index) => [from, { main: [[{ node: chain[index + 1], type: 'main', index: 0 }]] }]),
	);
	return { name: 'Plugged.in in the editor', nodes, connections, settings: {}, active: false };
}

module.exports = { uiWorkflow };
