'use strict';
/**
 * A real n8n queue-mode cluster on loopback: PostgreSQL, Redis, one main instance (`n8n start` with
 * EXECUTIONS_MODE=queue: editor, webhooks, triggers and pollers) and `n8n worker` processes, each with
 * its own user folder holding our packed package, all sharing the database and N8N_ENCRYPTION_KEY.
 * Used by `npm run test:queue` and the bench's queue scaling section.
 */
const { randomUUID } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const { CREDENTIAL_ID, CREDENTIAL_NAME, freePort, N8nInstance, tail } = require('../../scripts/lib/n8n');
const { onExit, startPostgres, startRedis } = require('./services');

/** n8n 2.41.1's switches for durable poll cursors (@n8n/config scheduler.config.js, poll-cursor.service.js). */
const DURABLE_CURSOR_ENV = {
	N8N_SCHEDULER_ENABLED: 'true',
	N8N_SCHEDULER_POLL_TRIGGERS_ENABLED: 'true',
	N8N_POLLER_DURABLE_CURSORS_ENABLED: 'true',
	// Already the default on 2.41; the cursor service needs it.
	N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'true',
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what, check, { timeoutMs = 60_000, everyMs = 500 } = {}) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
		await sleep(everyMs);
	}
}

class Cluster {
	/** Starts PostgreSQL and Redis and prepares the main instance's user folder (n8n not started yet). */
	static async create(n8n, tarball) {
		const cluster = new Cluster();
		cluster.n8n = n8n;
		cluster.tarball = tarball;
		cluster.postgres = await startPostgres();
		cluster.redis = await startRedis();
		cluster.sharedEnv = {
			...cluster.postgres.env,
			...cluster.redis.env,
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_PREFIX: 'pluggedin-queue-test',
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
			// Every execution's data is kept: the test reads it from the database.
			EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
			EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
		};
		cluster.main = await N8nInstance.create(n8n, tarball);
		onExit(() => fs.rmSync(cluster.main.userFolder, { recursive: true, force: true }));
		Object.assign(cluster.main.env, cluster.sharedEnv);
		cluster.workers = [];
		cluster.port = await freePort();
		return cluster;
	}

	get url() {
		return `http://127.0.0.1:${this.port}`;
	}

	/** `n8n start` (queue mode) on the cluster's port, with extra environment (e.g. DURABLE_CURSOR_ENV). */
	async startMain(extraEnv = {}) {
		const base = { ...this.main.env };
		Object.assign(this.main.env, extraEnv);
		try {
			this.server = await this.main.start({ port: this.port });
		} finally {
			this.main.env = base;
		}
		this.server.exited = new Promise((resolve) => this.server.child.on('exit', resolve));
		// Keep each run's log: start() truncates it.
		this.mainLogs = [...(this.mainLogs ?? []), this.server.logFile];
		return this.server;
	}

	/** Stops the main instance as a deployment restart would (SIGTERM) and waits until it is gone. */
	async stopMain() {
		if (!this.server) return;
		const log = fs.readFileSync(this.server.logFile, 'utf8');
		fs.writeFileSync(`${this.server.logFile}.${Date.now()}`, log);
		this.server.stop();
		await this.server.exited;
		this.server = undefined;
	}

	/** Starts `n8n worker --concurrency=N` in its own user folder; resolves once it is ready. */
	async startWorker({ concurrency = 5 } = {}) {
		const instance = await N8nInstance.create(this.n8n, this.tarball);
		onExit(() => fs.rmSync(instance.userFolder, { recursive: true, force: true }));
		Object.assign(instance.env, this.sharedEnv);
		const name = `worker${this.workers.length + 1}`;
		const logFile = path.join(instance.userFolder, `${name}.log`);
		const process = instance.spawn(['worker', `--concurrency=${concurrency}`], { logFile });
		const worker = { name, instance, ...process };
		this.workers.push(worker);
		await waitFor(
			`${name} to be ready`,
			() => {
				if (process.child.exitCode !== null) {
					throw new Error(`${name} exited (${process.child.exitCode}):\n${tail(fs.readFileSync(logFile, 'utf8'))}`);
				}
				return /n8n worker is now ready/.test(fs.readFileSync(logFile, 'utf8'));
			},
			{ timeoutMs: 180_000 },
		);
		return worker;
	}

	async stopWorker(worker) {
		worker.stop();
		await worker.exited;
		this.workers = this.workers.filter((entry) => entry !== worker);
	}

	/** Which worker ran each execution: "Worker started execution <id> (job <n>)" in the worker logs. */
	executionsByWorker() {
		const byExecution = new Map();
		for (const worker of this.workers) {
			const log = fs.readFileSync(worker.logFile, 'utf8');
			for (const match of log.matchAll(/Worker started execution (\d+) \(job/g)) byExecution.set(match[1], worker.name);
		}
		return byExecution;
	}

	/** Finished executions of a workflow from execution_entity, oldest first. */
	executions(workflowId) {
		return this.postgres
			.query(
				`select id, status, mode, "startedAt", "stoppedAt" from execution_entity where "workflowId" = '${workflowId}' order by id`,
			)
			.map(([id, status, mode, startedAt, stoppedAt]) => ({ id, status, mode, startedAt, stoppedAt }));
	}

	/** The run data of an execution (execution_data, stored as flatted JSON). */
	runData(executionId) {
		const flatted = require(path.join(this.n8n.dir, 'node_modules', 'flatted'));
		const [row] = this.postgres.query(`select data from execution_data where "executionId" = ${Number(executionId)}`);
		return row ? flatted.parse(row[0]) : undefined;
	}

	/** Node output items (json, plus $pairedItem) of an execution, first output, first run. */
	output(executionId, nodeName) {
		const runs = this.runData(executionId)?.resultData?.runData?.[nodeName];
		return runs && (runs[0]?.data?.main?.[0] ?? []).map((item) => ({ ...item.json, $pairedItem: item.pairedItem }));
	}

	/** Imports credentials ({id, name, baseUrl, apiKey} each) with one `n8n import:credentials`. */
	async importCredentials(list) {
		const file = path.join(this.main.userFolder, 'queue-credentials.json');
		const entries = list.map(({ id, name, baseUrl, apiKey }) => ({
			id,
			name,
			type: 'pluggedInApi',
			data: { apiKey, baseUrl },
		}));
		fs.writeFileSync(file, JSON.stringify(entries));
		await this.main.mustSucceed(['import:credentials', `--input=${file}`]);
	}

	/**
	 * Imports workflows (by id) with one `n8n import:workflow` and publishes them as `n8n publish:workflow`
	 * does (WorkflowRepository.publishVersion: active, activeVersionId = the imported version), in one
	 * statement instead of one n8n start per workflow. Do it while the main instance is stopped.
	 * Nodes' Plugged.in credentials point at CREDENTIAL_ID unless marked `keep`.
	 */
	async addActiveWorkflows(byId) {
		const file = path.join(this.main.userFolder, 'queue-workflows.json');
		const list = Object.entries(byId).map(([id, workflow]) => ({
			...workflow,
			id,
			active: false,
			nodes: workflow.nodes.map((node) => {
				const credential = node.credentials?.pluggedInApi;
				if (!credential) return node;
				const { keep, ...chosen } = credential;
				const pluggedInApi = keep ? chosen : { id: CREDENTIAL_ID, name: CREDENTIAL_NAME };
				return { ...node, credentials: { ...node.credentials, pluggedInApi } };
			}),
		}));
		fs.writeFileSync(file, JSON.stringify(list));
		await this.main.mustSucceed(['import:workflow', `--input=${file}`]);
		const ids = Object.keys(byId);
		const published = this.postgres.query(
			`update workflow_entity w set active = true, "activeVersionId" = w."versionId"
			 where w.id in (${ids.map((id) => `'${id}'`).join(', ')})
			   and exists (select 1 from workflow_history h where h."workflowId" = w.id and h."versionId" = w."versionId")
			 returning w.id`,
		);
		if (published.length !== ids.length) throw new Error(`published ${published.length} of ${ids.length} workflows`);
	}

	/** Stops every n8n process; PostgreSQL and Redis stop at exit (services.js) or with stopServices(). */
	async stop() {
		const folders = [this.main.userFolder, ...this.workers.map((worker) => worker.instance.userFolder)];
		await Promise.all([this.stopMain(), ...this.workers.map((worker) => this.stopWorker(worker))]);
		for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
	}

	stopServices() {
		this.redis.stop();
		this.postgres.stop();
	}
}

/** Start → the Webhook node ("Start", POST /webhook/<path>), answering with the last node's output. */
function behindWebhook(workflow, webhookPath) {
	const nodes = workflow.nodes.map((node) =>
		node.type === 'n8n-nodes-base.manualTrigger'
			? {
					...node,
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					webhookId: randomUUID(),
					parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'lastNode', options: {} },
				}
			: node,
	);
	return { ...workflow, nodes };
}

module.exports = { Cluster, DURABLE_CURSOR_ENV, behindWebhook, sleep, waitFor };
