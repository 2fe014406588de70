'use strict';
/**
 * Queue-mode scaling: the same load on a real n8n queue-mode cluster (test/queue/cluster.js) with one
 * worker, then two, each `n8n worker --concurrency=<c>`. The load is `executions` production executions
 * of Webhook → Documents Get, all sent at once to the main instance's webhook, against the sandbox
 * answering after `latencyMs`. Throughput is executions (one item each) per second of wall time, from
 * the first request to the last answer; every execution must succeed on a worker.
 *
 *   const { measureQueueScaling } = require('./queueScaling');
 *   const { figures, scenarios } = await measureQueueScaling({ n8n, tarball });   // figures as bench/report.js
 */
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');

const { Sandbox } = require('../sandbox/server');
const { CREDENTIAL_ID, CREDENTIAL_NAME, log } = require('../scripts/lib/n8n');
const { Cluster, behindWebhook, waitFor } = require('../test/queue/cluster');
const { atLeast, figure } = require('./report');

const WORKFLOW_ID = 'queuescaling';
const WEBHOOK_PATH = 'queue-scaling-get';
const TARGET_RATIO = 1.8;
const WARM_UP = 4;

function getWorkflow(documentId) {
	const credentials = { pluggedInApi: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } };
	return behindWebhook(
		{
			name: 'Queue scaling: Documents Get',
			nodes: [
				{
					id: 'start',
					name: 'Start',
					type: 'n8n-nodes-base.manualTrigger',
					typeVersion: 1,
					position: [0, 0],
					parameters: {},
				},
				{
					id: 'get',
					name: 'Get',
					type: 'n8n-nodes-pluggedin.pluggedInDocuments',
					typeVersion: 1,
					position: [220, 0],
					parameters: { operation: 'get', documentId: { __rl: true, mode: 'id', value: documentId } },
					credentials,
				},
			],
			connections: { Start: { main: [[{ node: 'Get', type: 'main', index: 0 }]] } },
			settings: { executionOrder: 'v1' },
		},
		WEBHOOK_PATH,
	);
}

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** Every live process: pid, parent, process group and CPU ms (user + system) used so far. */
function processes() {
	const list = [];
	for (const pid of fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
		try {
			const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
			// stat(5) fields 4 (parent), 5 (group), 14 and 15 (user, system time); `fields` starts at field 3.
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			const cpuMs = ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
			list.push({ pid: Number(pid), parent: Number(fields[1]), group: Number(fields[2]), cpuMs });
		} catch {
			// gone meanwhile
		}
	}
	return list;
}

/**
 * What a burst's CPU is charged to: the n8n processes by process group (each with its task runner),
 * PostgreSQL's postmaster and backends (each backend has its own session), Redis.
 */
function components(cluster) {
	const group = (pid) => (entry) => entry.group === pid;
	const postmaster = cluster.postgres.postmasterPid();
	return {
		main: group(cluster.server.child.pid),
		...Object.fromEntries(cluster.workers.map((worker) => [worker.name, group(worker.child.pid)])),
		postgres: (entry) => entry.pid === postmaster || entry.parent === postmaster,
		redis: group(cluster.redis.pid),
	};
}

function cpuPerExecution(cluster, before, after, count) {
	const used = (match) => {
		const earlier = new Map(before.filter(match).map((entry) => [entry.pid, entry.cpuMs]));
		return after.filter(match).reduce((sum, entry) => sum + entry.cpuMs - (earlier.get(entry.pid) ?? 0), 0);
	};
	return Object.fromEntries(
		Object.entries(components(cluster)).map(([name, match]) => [name, Number((used(match) / count).toFixed(1))]),
	);
}

/** Sends `count` webhook calls at once; resolves with the wall time and checks every answer. */
async function burst(cluster, count, documentId) {
	const url = `${cluster.url}/webhook/${WEBHOOK_PATH}`;
	const before = Number(cluster.postgres.query('select coalesce(max(id), 0) from execution_entity')[0][0]);
	const cpuBefore = processes();
	const ownBefore = process.cpuUsage();
	const started = performance.now();
	const answers = await Promise.all(
		Array.from({ length: count }, async () => {
			const response = await fetch(url, { method: 'POST', signal: AbortSignal.timeout(300_000) });
			return { status: response.status, body: await response.json().catch(() => undefined) };
		}),
	);
	const ms = performance.now() - started;
	const own = process.cpuUsage(ownBefore);
	const cpuMsPerExecution = {
		...cpuPerExecution(cluster, cpuBefore, processes(), count),
		'sandbox and client': Number(((own.user + own.system) / 1000 / count).toFixed(1)),
	};
	const rows = cluster.postgres.query(
		`select id, status from execution_entity where id > ${before} and "workflowId" = '${WORKFLOW_ID}'`,
	);
	const unsuccessful = rows.filter(([, status]) => status !== 'success');
	const reasons = unsuccessful.slice(0, 3).map(([id, status]) => {
		const error = cluster.runData(id)?.resultData?.error;
		return `execution ${id} ${status}: ${error?.message ?? 'no error recorded'}${error?.description ? ` (${error.description})` : ''}`;
	});
	assert.deepEqual(reasons, [], `${unsuccessful.length} of ${rows.length} executions did not succeed`);
	const failed = answers.filter((answer) => answer.status !== 200 || answer.body?.id !== documentId);
	assert.equal(failed.length, 0, `${failed.length} of ${count} webhook calls failed: ${JSON.stringify(failed[0])}`);
	assert.equal(rows.length, count, `${rows.length} executions recorded for ${count} calls`);
	const byWorker = cluster.executionsByWorker();
	const perWorker = {};
	for (const [id] of rows) {
		const worker = byWorker.get(id) ?? 'not on a worker';
		perWorker[worker] = (perWorker[worker] ?? 0) + 1;
	}
	assert.equal(perWorker['not on a worker'], undefined, `executions not run by a worker: ${JSON.stringify(perWorker)}`);
	return { ms, itemsPerSecond: (count * 1000) / ms, perWorker, cpuMsPerExecution };
}

const totalCpu = (run) => Object.values(run.cpuMsPerExecution).reduce((sum, ms) => sum + ms, 0);
const cpuSplit = (run) =>
	Object.entries(run.cpuMsPerExecution)
		.map(([name, ms]) => `${name} ${ms} ms`)
		.join(', ');

/**
 * @param {object} options
 * @param {object} options.n8n       installN8n(2)
 * @param {string} options.tarball   buildAndPack()
 * @param {number} [options.executions=200]
 * @param {number} [options.latencyMs=200]
 * @param {number} [options.concurrency=1]   per worker, the same for both runs. 1 by default: n8n spends
 *   about 150 ms of CPU per single-item execution (≈100 on the worker, 30 on main, 15 in PostgreSQL), so on
 *   2 cores a worker running 5 at once is CPU-bound already and a second worker on the same cores cannot
 *   double anything; one at a time, each worker waits on the 200 ms latency and the comparison measures
 *   what the queue adds.
 * @returns {Promise<{oneWorker, twoWorkers, ratio, scenarios: object[], figures: object[]}>}
 */
async function measureQueueScaling({ n8n, tarball, executions = 200, latencyMs = 200, concurrency = 1 }) {
	const sandbox = await new Sandbox({ latencyMs }).start();
	const cluster = await Cluster.create(n8n, tarball);
	try {
		const profile = sandbox.owners.get(sandbox.apiKey).profile;
		const { id: documentId } = sandbox.documents.insert(profile, {
			title: 'Queue scaling document',
			content: 'scaling',
		});
		await cluster.importCredentials([
			{ id: CREDENTIAL_ID, name: CREDENTIAL_NAME, baseUrl: sandbox.url, apiKey: sandbox.apiKey },
		]);
		await cluster.addActiveWorkflows({ [WORKFLOW_ID]: getWorkflow(documentId) });
		await Promise.all([cluster.startWorker({ concurrency }), cluster.startMain()]);

		log(`  queue scaling: ${executions} executions, ${latencyMs} ms latency, --concurrency=${concurrency} per worker`);
		// The main instance answers before it has registered the active workflows' webhooks.
		await waitFor('the webhook to be registered', async () => {
			const response = await fetch(`${cluster.url}/webhook/${WEBHOOK_PATH}`, { method: 'POST' });
			await response.text();
			return response.status !== 404;
		});
		await burst(cluster, WARM_UP, documentId);
		const oneWorker = await burst(cluster, executions, documentId);
		log(
			`  1 worker: ${oneWorker.itemsPerSecond.toFixed(1)} items/s (${Math.round(oneWorker.ms)} ms), CPU ms per execution ${JSON.stringify(oneWorker.cpuMsPerExecution)}`,
		);
		await cluster.startWorker({ concurrency });
		await burst(cluster, WARM_UP * 2, documentId);
		const twoWorkers = await burst(cluster, executions, documentId);
		log(
			`  2 workers: ${twoWorkers.itemsPerSecond.toFixed(1)} items/s (${Math.round(twoWorkers.ms)} ms), ${JSON.stringify(twoWorkers.perWorker)}, CPU ms per execution ${JSON.stringify(twoWorkers.cpuMsPerExecution)}`,
		);
		const ratio = twoWorkers.itemsPerSecond / oneWorker.itemsPerSecond;
		const label = `Queue mode, ${executions} × Documents Get (${latencyMs} ms latency, --concurrency=${concurrency} per worker)`;
		const floorPerSecond = (workers) => (workers * concurrency * 1000) / latencyMs;
		return {
			oneWorker,
			twoWorkers,
			ratio,
			scenarios: [],
			figures: [
				figure(`${label}: 1 worker, items/s (latency bound ${floorPerSecond(1)})`, oneWorker.itemsPerSecond, 'items/s'),
				figure(
					`${label}: 2 workers, items/s (latency bound ${floorPerSecond(2)})`,
					twoWorkers.itemsPerSecond,
					'items/s',
				),
				figure(`${label}: 2 workers vs 1 worker, throughput`, ratio, '×', atLeast(TARGET_RATIO)),
				figure(`${label}: CPU per execution, 1 worker (${cpuSplit(oneWorker)})`, totalCpu(oneWorker), 'ms'),
				figure(`${label}: CPU per execution, 2 workers (${cpuSplit(twoWorkers)})`, totalCpu(twoWorkers), 'ms'),
			],
		};
	} finally {
		await cluster.stop();
		cluster.stopServices();
		await sandbox.stop();
	}
}

module.exports = { measureQueueScaling, TARGET_RATIO };
