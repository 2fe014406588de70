#!/usr/bin/env node
'use strict';
/**
 * `npm run test:queue`: our packed package in a real n8n 2.41.1 queue-mode cluster on loopback:
 * PostgreSQL, Redis, one main instance (EXECUTIONS_MODE=queue) and two `n8n worker` processes.
 *   - the e2e workflows of each action node (test/e2e/workflows: documents, rag, clipboard, agents),
 *     started by a Webhook node over HTTP as production does, run on a worker; their output is checked
 *     with the e2e suite's own expectations, read from the shared database;
 *   - the Plugged.in Trigger (Document Created, Clipboard Entry Changed, Agent State Changed), activated
 *     on the main instance, emits every change exactly once while its executions run on the workers,
 *     across a restart of the main instance, and with n8n's durable poll cursors switched on.
 * Options: --scaling (also measure 1 vs 2 workers, bench/queueScaling.js), --scaling-only, --crash (also
 *   kill a worker during a trigger execution: test/queue/crash.js, ~5 min), --crash-only, --strict (a
 *   missed scaling target fails the run), --executions <n> (default 200), --concurrency <c> (per worker,
 *   default 1), --no-build, --only <substring of a check name>.
 */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');

const { Sandbox } = require('../../sandbox/server');
const {
	buildAndPack,
	CREDENTIAL_ID,
	CREDENTIAL_NAME,
	freePort,
	installN8n,
	log,
	tail,
} = require('../../scripts/lib/n8n');
const { measureQueueScaling } = require('../../bench/queueScaling');
const { Cluster, DURABLE_CURSOR_ENV, behindWebhook, waitFor } = require('./cluster');
const { checkWorkerCrash } = require('./crash');
const { triggerWorkflow } = require('../e2e/trigger');

const E2E_WORKFLOWS = path.join(__dirname, '..', 'e2e', 'workflows');
const ACTION_WORKFLOWS = ['documents', 'rag', 'clipboard', 'agents'];
const PROFILE = 'profile-sandbox';
const TRIGGER_CREDENTIAL = { id: 'pluggedintrigger', name: 'Plugged.in (trigger sandbox)' };
const FINISHED = ['success', 'error', 'crashed', 'canceled'];
/** A poll every minute (n8n's shortest); one tick, plus n8n's time to poll and run, fits in this. */
const TICK_MS = 150_000;

const TRIGGERS = {
	documentCreated: { id: 'qtrigdocs', parameters: { event: 'documentCreated' }, list: '/api/documents' },
	clipboardEntryChanged: {
		id: 'qtrigclip',
		parameters: { event: 'clipboardEntryChanged', namePrefix: 'queue_' },
		list: '/api/clipboard',
	},
	agentStateChanged: { id: 'qtrigagent', parameters: { event: 'agentStateChanged' }, list: '/api/agents' },
};

function queueTriggerWorkflow(name, parameters) {
	return triggerWorkflow(`Queue trigger: ${name}`, parameters, { ...TRIGGER_CREDENTIAL, keep: true });
}

/** A call to the sandbox's API with its key (the writes the trigger must notice). */
async function api(sandbox, method, route, body) {
	const response = await fetch(sandbox.url + route, {
		method,
		headers: { Authorization: `Bearer ${sandbox.apiKey}`, 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const json = await response.json();
	if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${JSON.stringify(json)}`);
	return json;
}

/** Everything the trigger workflows emitted so far: per event, the items of each finished execution. */
function emitted(cluster) {
	const byWorker = cluster.executionsByWorker();
	const result = {};
	for (const [event, { id }] of Object.entries(TRIGGERS)) {
		result[event] = cluster
			.executions(id)
			.filter((execution) => FINISHED.includes(execution.status))
			.map((execution) => ({
				...execution,
				worker: byWorker.get(execution.id),
				items: cluster.output(execution.id, 'Received') ?? [],
			}));
	}
	return result;
}

/** What identifies an emitted item: a document's title, a clipboard entry's name@value, an agent's step. */
const KEYS = {
	documentCreated: (item) => item.title,
	clipboardEntryChanged: (item) => `${item.name}=${item.value}`,
	agentStateChanged: (item) => `${item.agent?.name}:${item.from}→${item.to}`,
};

function emittedKeys(cluster, event) {
	return emitted(cluster)[event].flatMap((execution) => execution.items.map(KEYS[event]));
}

/** Waits until every expected key was emitted, then checks that no key was emitted twice. */
async function expectEmitted(cluster, event, expected, { timeoutMs = TICK_MS } = {}) {
	await waitFor(
		`${event} to emit ${expected.join(', ')} (emitted so far: ${emittedKeys(cluster, event).join(', ') || 'nothing'})`,
		() => expected.every((key) => emittedKeys(cluster, event).includes(key)),
		{ timeoutMs, everyMs: 1000 },
	);
	const executions = emitted(cluster)[event];
	const keys = executions.flatMap((execution) => execution.items.map(KEYS[event]));
	const repeated = keys.filter((key, index) => keys.indexOf(key) !== index);
	assert.deepEqual(repeated, [], `${event} emitted twice: ${repeated.join(', ')}`);
	for (const execution of executions) {
		assert.equal(execution.status, 'success', `${event} execution ${execution.id} ended ${execution.status}`);
		assert.equal(execution.mode, 'trigger', `${event} execution ${execution.id} mode`);
		assert.ok(execution.worker, `${event} execution ${execution.id} was not run by a worker`);
	}
	return executions;
}

class Checks {
	constructor(only) {
		this.only = only;
		this.results = [];
	}

	async run(name, check) {
		if (this.only && !name.includes(this.only)) return;
		const started = Date.now();
		try {
			const detail = await check();
			this.results.push({ name, ok: true, ms: Date.now() - started, detail });
			log(`  ✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)${detail ? `: ${detail}` : ''}`);
		} catch (error) {
			this.results.push({ name, ok: false, ms: Date.now() - started });
			log(`  ✗ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)\n${indent(error.stack ?? String(error))}`);
		}
	}
}

/** One e2e workflow behind a Webhook: call it, find its execution, check it like the e2e suite. */
async function runActionWorkflow(cluster, state, name) {
	const expectation = require(path.join(E2E_WORKFLOWS, `${name}.expect.js`));
	await state.sandbox.stop();
	state.sandbox = await new Sandbox({ port: state.port, seed: true, ...expectation.sandbox }).start();
	await expectation.setup?.(state.sandbox);
	const id = `queue${name}`;
	const response = await waitFor(`the webhook of ${id}`, async () => {
		const answer = await fetch(`${cluster.url}/webhook/queue-${name}`, {
			method: 'POST',
			signal: AbortSignal.timeout(120_000),
		});
		await answer.text();
		// 404: the main instance answers before it has registered the active workflows' webhooks.
		return answer.status !== 404 && answer;
	});
	const execution = await waitFor(`the execution of ${id}`, () =>
		cluster.executions(id).find((entry) => FINISHED.includes(entry.status)),
	);
	const run = cluster.runData(execution.id);
	const result = { run, error: run?.resultData?.error, output: (node) => cluster.output(execution.id, node) };
	await expectation.check(result, state.sandbox, assert);
	assert.equal(execution.mode, 'webhook', 'started by the webhook');
	const worker = cluster.executionsByWorker().get(execution.id);
	assert.ok(worker, `execution ${execution.id} was not run by a worker`);
	const mainLog = fs.readFileSync(cluster.server.logFile, 'utf8');
	assert.match(mainLog, new RegExp(`Enqueued execution ${execution.id} `), 'the main instance enqueued it');
	return `execution ${execution.id} (${execution.status}) on ${worker}, HTTP ${response.status}`;
}

async function functionalChecks(n8n, tarball, checks) {
	const cluster = await Cluster.create(n8n, tarball);
	const actions = { port: await freePort() };
	actions.sandbox = await new Sandbox({ port: actions.port, seed: true }).start();
	const triggers = await new Sandbox({ seed: true }).start();
	try {
		await cluster.importCredentials([
			{ id: CREDENTIAL_ID, name: CREDENTIAL_NAME, baseUrl: actions.sandbox.url, apiKey: actions.sandbox.apiKey },
			{ ...TRIGGER_CREDENTIAL, baseUrl: triggers.url, apiKey: triggers.apiKey },
		]);
		const workflows = {};
		for (const name of ACTION_WORKFLOWS) {
			const workflow = JSON.parse(fs.readFileSync(path.join(E2E_WORKFLOWS, `${name}.json`), 'utf8'));
			workflows[`queue${name}`] = behindWebhook(workflow, `queue-${name}`);
		}
		for (const [event, { id, parameters }] of Object.entries(TRIGGERS))
			workflows[id] = queueTriggerWorkflow(event, parameters);
		await cluster.addActiveWorkflows(workflows);
		const agent = triggers.agents.insertAgent({ name: 'queue-agent', state: 'PROVISIONED' });
		const document = (title) => triggers.documents.insert(PROFILE, { title });
		const clipboard = (name, value) => api(triggers, 'POST', '/api/clipboard', { name, value });
		const agentStep = (from, to) =>
			api(triggers, 'POST', `/api/agents/${agent.uuid}/state`, { from_state: from, to_state: to });
		const listed = (route) => triggers.log.filter((entry) => entry.method === 'GET' && entry.path === route).length;
		const activationPolls = async (before) => {
			await waitFor('the trigger polls at activation', () =>
				Object.values(TRIGGERS).every(({ list }) => listed(list) > (before[list] ?? 0)),
			);
			// n8n saves the static data right after the poll.
			await new Promise((resolve) => setTimeout(resolve, 3000));
		};
		const listCounts = () => Object.fromEntries(Object.values(TRIGGERS).map(({ list }) => [list, listed(list)]));

		const started = Date.now();
		// The database is migrated by the imports above, so the three can start together.
		await Promise.all([cluster.startWorker(), cluster.startWorker(), cluster.startMain()]);
		log(
			`  cluster up in ${((Date.now() - started) / 1000).toFixed(1)} s: main ${cluster.url}, ${cluster.workers.length} workers`,
		);
		await activationPolls({});
		// Changes right after activation: the first regular poll must emit each once.
		for (const title of ['doc A1', 'doc A2', 'doc A3']) document(title);
		await clipboard('queue_one', 'first');
		await agentStep('PROVISIONED', 'ACTIVE');

		for (const name of ACTION_WORKFLOWS) {
			await checks.run(`${name} workflow, webhook → worker`, () => runActionWorkflow(cluster, actions, name));
		}

		await checks.run('trigger emits each change once, executions on workers', async () => {
			await expectEmitted(cluster, 'documentCreated', ['doc A1', 'doc A2', 'doc A3']);
			await expectEmitted(cluster, 'clipboardEntryChanged', ['queue_one=first']);
			await expectEmitted(cluster, 'agentStateChanged', ['queue-agent:PROVISIONED→ACTIVE']);
			return describe(cluster);
		});

		await checks.run('main restart: changes made while it was down emitted once, nothing repeated', async () => {
			await cluster.stopMain();
			for (const title of ['doc B1', 'doc B2']) document(title);
			await clipboard('queue_two', 'second');
			await agentStep('ACTIVE', 'DRAINING');
			const before = listCounts();
			await cluster.startMain();
			await activationPolls(before);
			document('doc C1');
			await clipboard('queue_one', 'third');
			await expectEmitted(cluster, 'documentCreated', ['doc B1', 'doc B2', 'doc C1']);
			await expectEmitted(cluster, 'clipboardEntryChanged', ['queue_two=second', 'queue_one=third']);
			await expectEmitted(cluster, 'agentStateChanged', ['queue-agent:ACTIVE→DRAINING']);
			return describe(cluster);
		});

		await checks.run('durable poll cursors (n8n 2.41 scheduler): restart into them, each change once', async () => {
			await cluster.stopMain();
			document('doc D1');
			await agentStep('DRAINING', 'ACTIVE');
			await cluster.startMain(DURABLE_CURSOR_ENV);
			const mainLog = () => fs.readFileSync(cluster.server.logFile, 'utf8');
			assert.doesNotMatch(mainLog(), /durable poll cursors stay disabled/, 'n8n accepted the durable cursor flags');
			await expectEmitted(cluster, 'documentCreated', ['doc D1']);
			document('doc D2');
			await clipboard('queue_two', 'fourth');
			await expectEmitted(cluster, 'documentCreated', ['doc D2']);
			await expectEmitted(cluster, 'clipboardEntryChanged', ['queue_two=fourth']);
			await expectEmitted(cluster, 'agentStateChanged', ['queue-agent:DRAINING→ACTIVE']);
			const cursors = cluster.postgres.query(`select "workflowId" from poller_state`).map(([id]) => id);
			assert.ok(
				cursors.includes(TRIGGERS.documentCreated.id),
				`a durable cursor for the trigger (poller_state: ${cursors.join(', ')})`,
			);
			return `${describe(cluster)}; poller_state rows: ${cursors.length}`;
		});

		const all = emitted(cluster);
		const total = Object.values(all).flat();
		const workers = new Set(total.map((execution) => execution.worker));
		log(`  trigger executions: ${total.length}, on ${[...workers].join(' and ')}`);
	} catch (error) {
		checks.results.push({ name: 'cluster', ok: false });
		log(`  ✗ cluster: ${error.stack}`);
		if (cluster.server) log(tail(fs.readFileSync(cluster.server.logFile, 'utf8')));
	} finally {
		await cluster.stop();
		cluster.stopServices();
		await actions.sandbox.stop();
		await triggers.stop();
	}
}

/** Per event: executions, items, which workers. */
function describe(cluster) {
	return Object.entries(emitted(cluster))
		.map(([event, executions]) => {
			const items = executions.reduce((sum, execution) => sum + execution.items.length, 0);
			const workers = [...new Set(executions.map((execution) => execution.worker))].join('+');
			return `${event} ${items} items in ${executions.length} executions (${workers})`;
		})
		.join('; ');
}

function indent(text) {
	return String(text)
		.split('\n')
		.map((line) => `      ${line}`)
		.join('\n');
}

async function main() {
	const { values } = parseArgs({
		options: {
			scaling: { type: 'boolean' },
			'scaling-only': { type: 'boolean' },
			crash: { type: 'boolean' },
			'crash-only': { type: 'boolean' },
			strict: { type: 'boolean' },
			'no-build': { type: 'boolean' },
			only: { type: 'string' },
			executions: { type: 'string' },
			concurrency: { type: 'string' },
		},
	});
	const started = Date.now();
	const n8n = installN8n(2);
	const tarball = buildAndPack({ build: !values['no-build'] });
	log(`\n== queue mode, ${n8n.label}`);
	const checks = new Checks(values.only);
	try {
		if (!values['scaling-only'] && !values['crash-only']) await functionalChecks(n8n, tarball, checks);
		if (values.crash || values['crash-only']) {
			await checks.run('worker killed during a trigger execution: it ends in error, nothing re-emitted', () =>
				checkWorkerCrash(n8n, tarball),
			);
		}
		if (values.scaling || values['scaling-only']) {
			await checks.run('scaling: 1 worker vs 2 workers', async () => {
				const scaling = await measureQueueScaling({
					n8n,
					tarball,
					executions: Number(values.executions ?? 200),
					concurrency: values.concurrency === undefined ? undefined : Number(values.concurrency),
				});
				for (const entry of scaling.figures) {
					const value = entry.unit === '×' ? `${entry.value.toFixed(2)}×` : `${entry.value.toFixed(1)} ${entry.unit}`;
					log(
						`    ${entry.name}: ${value}${entry.target ? ` (target ≥ ${entry.target.limit}×: ${entry.met ? 'met' : 'NOT met'})` : ''}`,
					);
				}
				// As in the bench: a missed target fails the run only with --strict (the machine may be shared).
				const missed = scaling.figures.filter((entry) => entry.target && !entry.met);
				if (values.strict)
					assert.deepEqual(
						missed.map((entry) => entry.name),
						[],
						'scaling target not met',
					);
				return missed.length ? 'target NOT met' : 'target met';
			});
		}
	} finally {
		fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
	}
	const failed = checks.results.filter((result) => !result.ok).length;
	const passed = checks.results.length - failed;
	log(`\nqueue: ${passed} passed, ${failed} failed in ${Math.round((Date.now() - started) / 1000)} s`);
	process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
}

main().catch((error) => {
	log(error.stack ?? String(error));
	process.exitCode = 1;
});
