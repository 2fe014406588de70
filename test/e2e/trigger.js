'use strict';
/**
 * The Plugged.in Trigger in a real n8n: the workflow is activated before `n8n start`, n8n polls once at
 * activation (the trigger records its state and emits nothing), documents are added, and the next poll
 * (a minute later: n8n refuses shorter intervals) must start one execution carrying exactly those documents.
 */
const assert = require('node:assert/strict');
const path = require('node:path');

const TRIGGER_WORKFLOW_ID = 'e2etrigger';
const PROFILE = 'profile-sandbox';

/** A workflow "Plugged.in Trigger (polled every minute) → Received" for the given trigger parameters. */
function triggerWorkflow(name, parameters, credential = { id: 'x', name: 'x' }) {
	return {
		name,
		nodes: [
			{
				id: 'trigger',
				name: 'Plugged.in Trigger',
				type: 'n8n-nodes-pluggedin.pluggedInTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: { ...parameters, pollTimes: { item: [{ mode: 'everyMinute' }] } },
				credentials: { pluggedInApi: credential },
			},
			{ id: 'received', name: 'Received', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
		],
		connections: { 'Plugged.in Trigger': { main: [[{ node: 'Received', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** Imports a trigger workflow and activates it; call before `n8n start`, which then polls it. */
async function activate(instance, workflow, id) {
	await instance.importWorkflow(workflow, id);
	await instance.mustSucceed(
		instance.n8n.line === 1 ? ['update:workflow', `--id=${id}`, '--active=true'] : ['publish:workflow', `--id=${id}`],
	);
}

/** The Document Created workflow, activated; call before `n8n start`. */
async function prepareTrigger(instance) {
	await activate(instance, triggerWorkflow('E2E trigger: document created', { event: 'documentCreated' }), TRIGGER_WORKFLOW_ID);
}

/** The items that reached "Received" in the first finished execution of a trigger workflow; it must have succeeded. */
async function receivedByTrigger(instance, rest, workflowId, what) {
	const flatted = require(path.join(instance.n8n.dir, 'node_modules', 'flatted'));
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const summary = await waitFor(
		what,
		async () => {
			const response = await rest('GET', `/executions?filter=${filter}`);
			const results = response.json?.data?.results ?? [];
			return results.find((execution) => ['success', 'error', 'crashed'].includes(execution.status));
		},
		150_000,
	);
	assert.equal(summary.status, 'success', `execution ${summary.id} ended ${summary.status}`);
	const execution = await rest('GET', `/executions/${summary.id}`);
	const data = flatted.parse(execution.json.data.data);
	return data.resultData.runData.Received[0].data.main[0].map((item) => item.json);
}

async function waitFor(what, check, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
}

async function checkTrigger(instance, rest, sandbox) {
	const polls = () => sandbox.log.filter((entry) => entry.method === 'GET' && entry.path === '/api/documents').length;
	await waitFor('the poll at activation', () => polls() >= 1, 90_000);
	const titles = ['trigger e2e one', 'trigger e2e two', 'trigger e2e three'];
	for (const title of titles) sandbox.documents.insert(PROFILE, { title });

	const received = await receivedByTrigger(instance, rest, TRIGGER_WORKFLOW_ID, 'an execution started by the trigger');
	assert.deepEqual(received.map((item) => item.title).sort(), [...titles].sort());
	assert.ok(received.every((item) => item.event === 'documentCreated'), 'event type on each item');
	assert.ok(polls() >= 2, 'a second poll happened');
}

module.exports = { activate, checkTrigger, prepareTrigger, receivedByTrigger, triggerWorkflow, waitFor };
