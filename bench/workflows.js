'use strict';
/**
 * The benchmark's workflows, built in code so the sandbox URL and the item count are filled in.
 * Every workflow: Start (manual trigger) → Generate (Code node, N items) → the node under test.
 * The node under test is always named SUBJECT; its time is runData[SUBJECT][*].executionTime.
 */
const { CREDENTIAL_ID, CREDENTIAL_NAME } = require('../scripts/lib/n8n');

const SUBJECT = 'Subject';
const CREDENTIALS = { pluggedInApi: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } };

function node(name, type, typeVersion, parameters, extra = {}) {
	return {
		id: name.toLowerCase().replace(/\W+/g, '-'),
		name,
		type,
		typeVersion,
		position: [0, 0],
		parameters,
		...extra,
	};
}

function chain(...names) {
	const connections = {};
	for (let i = 0; i + 1 < names.length; i++) {
		connections[names[i]] = { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] };
	}
	return connections;
}

/** Start → Generate (count items {value, uptime}) → subject. */
function withGeneratedItems(name, count, subject) {
	const generate = node('Generate', 'n8n-nodes-base.code', 2, {
		jsCode: `return Array.from({ length: ${count} }, (_, i) => ({ json: { value: 'bench item ' + i, uptime: i } }));`,
	});
	return {
		name,
		nodes: [node('Start', 'n8n-nodes-base.manualTrigger', 1, {}), generate, { ...subject, name: SUBJECT }],
		connections: chain('Start', 'Generate', SUBJECT),
		settings: { executionOrder: 'v1' },
	};
}

/** The two calls of section 1, each as our node's parameters and as the HTTP Request node's request. */
const CALLS = {
	clipboardPush: {
		label: 'clipboard pushes',
		ours: {
			type: 'n8n-nodes-pluggedin.pluggedInClipboard',
			parameters: { operation: 'push', valueFrom: 'field', value: '={{ $json.value }}', encoding: 'utf-8' },
		},
		http: () => ({
			path: '/api/clipboard/push',
			// The body our node sends for this item.
			jsonBody: `={{ JSON.stringify({ value: $json.value, encoding: 'utf-8', contentType: 'text/plain', source: 'sdk' }) }}`,
		}),
	},
	heartbeat: {
		label: 'agent heartbeats',
		ours: (agentId) => ({
			type: 'n8n-nodes-pluggedin.pluggedInAgents',
			parameters: {
				operation: 'sendHeartbeat',
				agentId: { __rl: true, mode: 'id', value: agentId },
				mode: 'IDLE',
				uptimeSeconds: '={{ $json.uptime }}',
			},
		}),
		http: (agentId) => ({
			path: `/api/agents/${agentId}/heartbeat`,
			jsonBody: `={{ JSON.stringify({ mode: 'IDLE', uptime_seconds: $json.uptime }) }}`,
		}),
	},
};

function ourNode(call, agentId, parallel) {
	const spec = typeof call.ours === 'function' ? call.ours(agentId) : call.ours;
	return node(SUBJECT, spec.type, 1, { ...spec.parameters, options: { parallel } }, { credentials: CREDENTIALS });
}

function httpRequestNode(call, agentId, baseUrl) {
	const { path, jsonBody } = call.http(agentId);
	return node(
		SUBJECT,
		'n8n-nodes-base.httpRequest',
		4.2,
		{
			method: 'POST',
			url: baseUrl + path,
			authentication: 'predefinedCredentialType',
			nodeCredentialType: 'pluggedInApi',
			sendBody: true,
			specifyBody: 'json',
			jsonBody,
			options: {},
		},
		{ credentials: CREDENTIALS },
	);
}

/** Our node over `count` generated items, `parallel` requests at a time. */
function oursWorkflow(callName, { count, parallel, agentId }) {
	const call = CALLS[callName];
	return withGeneratedItems(`bench ${callName} ours x${parallel}`, count, ourNode(call, agentId, parallel));
}

/** The HTTP Request node as it is: it sends every item's request at once. */
function httpAllAtOnceWorkflow(callName, { count, agentId, baseUrl }) {
	const call = CALLS[callName];
	return withGeneratedItems(`bench ${callName} http all`, count, httpRequestNode(call, agentId, baseUrl));
}

/**
 * The HTTP Request node one request at a time, as n8n users do it: Loop Over Items with batch size 1.
 * The node runs once per item; its time is the sum of its runs.
 */
function httpSequentialWorkflow(callName, { count, agentId, baseUrl }) {
	const call = CALLS[callName];
	const workflow = withGeneratedItems(`bench ${callName} http seq`, count, httpRequestNode(call, agentId, baseUrl));
	workflow.nodes.push(node('Loop', 'n8n-nodes-base.splitInBatches', 3, { batchSize: 1, options: {} }));
	workflow.connections = {
		Start: { main: [[{ node: 'Generate', type: 'main', index: 0 }]] },
		Generate: { main: [[{ node: 'Loop', type: 'main', index: 0 }]] },
		// Output 0 is "done", output 1 "loop".
		Loop: { main: [[], [{ node: SUBJECT, type: 'main', index: 0 }]] },
		[SUBJECT]: { main: [[{ node: 'Loop', type: 'main', index: 0 }]] },
	};
	return workflow;
}

/** Start → Documents Get Many with Return All (simplified output, the default). */
function returnAllWorkflow() {
	return {
		name: 'bench documents return all',
		nodes: [
			node('Start', 'n8n-nodes-base.manualTrigger', 1, {}),
			node(
				SUBJECT,
				'n8n-nodes-pluggedin.pluggedInDocuments',
				1,
				{ operation: 'getMany', returnAll: true, simplify: true },
				{ credentials: CREDENTIALS },
			),
		],
		connections: chain('Start', SUBJECT),
		settings: { executionOrder: 'v1' },
	};
}

module.exports = {
	SUBJECT,
	CALLS,
	oursWorkflow,
	httpAllAtOnceWorkflow,
	httpSequentialWorkflow,
	returnAllWorkflow,
};
