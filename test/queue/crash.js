'use strict';
/**
 * What a worker crash during a trigger's execution does (`npm run test:queue -- --crash`, about 5 min):
 * the trigger emits document X into an execution that waits 40 s on the worker; the worker is killed
 * (SIGKILL) meanwhile and a new one started. n8n's queue gives a stalled job no second attempt, so that
 * execution ends in error and X is not emitted again; the next document is emitted once, as usual.
 */
const assert = require('node:assert/strict');

const { Sandbox } = require('../../sandbox/server');
const { CREDENTIAL_ID, CREDENTIAL_NAME } = require('../../scripts/lib/n8n');
const { Cluster, sleep, waitFor } = require('./cluster');

const WORKFLOW_ID = 'qcrash';
const PROFILE = 'profile-sandbox';

const workflow = {
	name: 'Queue crash: trigger → Wait 40 s → Received',
	settings: { executionOrder: 'v1' },
	nodes: [
		{
			id: 'trigger',
			name: 'Plugged.in Trigger',
			type: 'n8n-nodes-pluggedin.pluggedInTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: { event: 'documentCreated', pollTimes: { item: [{ mode: 'everyMinute' }] } },
			credentials: { pluggedInApi: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } },
		},
		{
			id: 'wait',
			name: 'Wait',
			type: 'n8n-nodes-base.wait',
			typeVersion: 1.1,
			position: [220, 0],
			parameters: { amount: 40, unit: 'seconds' },
			webhookId: 'a0f1d5e2-1111-4222-8333-944455556666',
		},
		{
			id: 'received',
			name: 'Received',
			type: 'n8n-nodes-base.noOp',
			typeVersion: 1,
			position: [440, 0],
			parameters: {},
		},
	],
	connections: {
		'Plugged.in Trigger': { main: [[{ node: 'Wait', type: 'main', index: 0 }]] },
		Wait: { main: [[{ node: 'Received', type: 'main', index: 0 }]] },
	},
};

/** Runs the scenario; returns a one-line summary. Throws when n8n behaves otherwise. */
async function checkWorkerCrash(n8n, tarball) {
	const sandbox = await new Sandbox({ seed: true }).start();
	const cluster = await Cluster.create(n8n, tarball);
	try {
		await cluster.importCredentials([
			{ id: CREDENTIAL_ID, name: CREDENTIAL_NAME, baseUrl: sandbox.url, apiKey: sandbox.apiKey },
		]);
		await cluster.addActiveWorkflows({ [WORKFLOW_ID]: workflow });
		const [first] = await Promise.all([cluster.startWorker(), cluster.startMain()]);
		await waitFor('the poll at activation', () => sandbox.log.some((entry) => entry.path === '/api/documents'));
		await sleep(3000);
		sandbox.documents.insert(PROFILE, { title: 'crash X' });
		const running = await waitFor(
			'the execution carrying X to start on the worker',
			() => [...cluster.executionsByWorker().keys()][0],
			{ timeoutMs: 150_000 },
		);
		await sleep(3000);
		process.kill(-first.child.pid, 'SIGKILL');
		await first.exited;
		cluster.workers = cluster.workers.filter((worker) => worker !== first);
		const killedAt = Date.now();
		await cluster.startWorker();

		const crashed = await waitFor(
			`execution ${running} to end after its worker was killed`,
			() => cluster.executions(WORKFLOW_ID).find((entry) => entry.id === running && entry.status !== 'running'),
			{ timeoutMs: 300_000, everyMs: 2000 },
		);
		const endedAfterS = Math.round((Date.now() - killedAt) / 1000);
		const error = cluster.runData(running)?.resultData?.error?.message ?? '';
		assert.equal(crashed.status, 'error', `execution ${running} ended ${crashed.status}`);

		sandbox.documents.insert(PROFILE, { title: 'crash Y' });
		const next = await waitFor(
			'the next execution (document Y)',
			() => cluster.executions(WORKFLOW_ID).find((entry) => entry.id !== running && entry.status === 'success'),
			{ timeoutMs: 240_000, everyMs: 2000 },
		);
		const titles = (cluster.output(next.id, 'Received') ?? []).map((item) => item.title);
		assert.deepEqual(titles, ['crash Y'], 'the next execution carries Y only: X is not emitted again');
		const all = cluster.executions(WORKFLOW_ID);
		assert.equal(all.length, 2, `executions: ${JSON.stringify(all)}`);
		return `execution ${running} ended "${crashed.status}" ${endedAfterS} s after its worker was killed (${error.slice(0, 60)}…); X not emitted again; Y emitted once in execution ${next.id}`;
	} finally {
		await cluster.stop();
		cluster.stopServices();
		await sandbox.stop();
	}
}

module.exports = { checkWorkerCrash };
