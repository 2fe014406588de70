#!/usr/bin/env node
'use strict';
/**
 * `npm run bench`: performance of our nodes inside a real n8n, against the sandbox with simulated latency.
 *   1. 1,000 clipboard pushes and 1,000 agent heartbeats: our node sequential and 10 in parallel, and n8n's
 *      HTTP Request node making the same calls (same URL, body and credential).
 *   2. Documents Get Many with Return All over 10,000 documents: time against the paging floor, peak memory.
 *   3. The trigger's poll on a 10,000-document library with nothing new: requests and time per poll.
 *   4. The package: cold load time of the node modules, tarball size.
 *   5. Rate-limited bulk jobs with the sandbox's limits on, time-scaled (bench/rateLimited.js).
 * Prints the tables, writes bench/results.json (one entry per target) and, for a full run, BENCHMARKS.md.
 * Options: --line 1|2 (default 2: n8n 2.41.1 on Node 24), --quick (100 items, 1,000 documents), --no-build,
 *   --latency <ms> (default 20), --strict (exit code 1 when a target is not met; by default only a failed run fails),
 *   --only-rate-limits (section 5 alone; BENCHMARKS.md is left alone),
 *   --queue (also 6. queue mode, 1 vs 2 workers: bench/queueScaling.js; line 2 only, starts PostgreSQL and Redis).
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { parseArgs } = require('node:util');

const { Sandbox } = require('../sandbox/server');
const { SEEDED_AGENTS } = require('../sandbox/routes/agents');
const { buildAndPack, installN8n, N8nInstance } = require('../scripts/lib/n8n');
const { importAll, log } = require('./measure');
const { printReport, writeMarkdown, writeResults, BENCH_DIR } = require('./report');
const { SandboxProbe } = require('./sandboxProbe');
const sections = require('./sections');
const { rateLimitedSection, rateLimitedWorkflows } = require('./rateLimited');

const loadAverage = () =>
	os
		.loadavg()
		.map((load) => load.toFixed(2))
		.join(' ');

function machineInfo(n8n, instance, command) {
	const n8nNode = execFileSync('node', ['--version'], { env: instance.env, encoding: 'utf8' }).trim();
	return {
		date: new Date().toISOString(),
		command,
		cores: `${os.availableParallelism()} (nproc), ${os.cpus()[0]?.model ?? 'unknown CPU'}`,
		memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
		node: `${process.version} (bench and sandbox), ${n8nNode} (n8n)`,
		n8n: n8n.label,
		'load average at start (1, 5, 15 min)': loadAverage(),
	};
}

function options() {
	const { values } = parseArgs({
		options: {
			line: { type: 'string' },
			quick: { type: 'boolean' },
			'no-build': { type: 'boolean' },
			latency: { type: 'string' },
			strict: { type: 'boolean' },
			'only-rate-limits': { type: 'boolean' },
			queue: { type: 'boolean' },
		},
	});
	const line = Number(values.line ?? 2);
	if (line !== 1 && line !== 2) throw new Error('--line must be 1 or 2');
	return {
		line,
		build: !values['no-build'],
		strict: Boolean(values.strict),
		latencyMs: Number(values.latency ?? 20),
		items: values.quick ? 100 : 1000,
		documents: values.quick ? 1000 : 10_000,
		quick: Boolean(values.quick),
		onlyRateLimits: Boolean(values['only-rate-limits']),
		queue: Boolean(values.queue),
	};
}

/** The sandbox of sections 1 and 2: the seeded agents and `documents` documents, one second apart. */
async function startSandbox({ latencyMs, documents }) {
	// Rate limits stay off (the default): the bench measures the nodes, not the limiter.
	const sandbox = await new Sandbox({ latencyMs }).start();
	sandbox.agents.seed();
	const profile = sandbox.owners.get(sandbox.apiKey).profile;
	const firstCreated = Date.now() - documents * 1000;
	for (let i = 0; i < documents; i++) {
		sandbox.documents.insert(profile, {
			title: `Bench document ${i}`,
			content: 'bench',
			createdAt: firstCreated + i * 1000,
		});
	}
	return sandbox;
}

async function main() {
	const settings = options();
	const started = Date.now();
	const n8n = installN8n(settings.line);
	log(
		`Bench: ${n8n.label}, ${settings.items} items, ${settings.documents} documents, latency ${settings.latencyMs} ms`,
	);
	const tarball = buildAndPack({ build: settings.build });
	const instance = await N8nInstance.create(n8n, tarball);
	const machine = machineInfo(n8n, instance, `node bench/run.js ${process.argv.slice(2).join(' ')}`.trim());
	const sandbox = await startSandbox(settings);
	const env = { instance, sandbox, probe: new SandboxProbe(sandbox) };
	const results = [];
	try {
		await instance.importCredential(sandbox.url, sandbox.apiKey);
		const context = { ...settings, agentId: SEEDED_AGENTS.active, baseUrl: sandbox.url };
		await importAll(instance, { ...sections.benchWorkflows(context), ...rateLimitedWorkflows(context) });
		if (!settings.onlyRateLimits) {
			results.push(await sections.callsSection(env, settings));
			results.push(await sections.returnAllSection(env, settings));
		}
		results.push(await rateLimitedSection(env, settings));
	} finally {
		await sandbox.stop();
		// The n8n user folder holds every bench execution (tens of MB); the tarball's folder is ours too.
		fs.rmSync(instance.userFolder, { recursive: true, force: true });
		fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
	}
	if (!settings.onlyRateLimits) results.push(sections.triggerSection(settings), sections.packageSection());

	// 6. Queue mode scaling (opt-in: it starts its own PostgreSQL, Redis and n8n cluster).
	if (settings.queue) {
		if (settings.line !== 2) throw new Error('--queue needs --line 2');
		log('6. Queue mode, 1 vs 2 workers');
		const tarballForQueue = buildAndPack({ build: false });
		try {
			const { measureQueueScaling } = require('./queueScaling');
			results.push(await measureQueueScaling({ n8n, tarball: tarballForQueue, executions: settings.quick ? 50 : 200 }));
		} finally {
			fs.rmSync(path.dirname(tarballForQueue), { recursive: true, force: true });
		}
	}

	const scenarios = results.flatMap((result) => result.scenarios);
	const figures = results.flatMap((result) => result.figures);
	machine['load average at end (1, 5, 15 min)'] = loadAverage();
	machine['bench duration'] = `${Math.round((Date.now() - started) / 1000)} s`;
	printReport({ machine, scenarios, figures });
	writeResults(path.join(BENCH_DIR, 'results.json'), figures);
	// BENCHMARKS.md keeps the latest full run; a --quick smoke run does not replace it.
	if (!settings.quick && !settings.onlyRateLimits) {
		writeMarkdown(path.join(BENCH_DIR, '..', 'BENCHMARKS.md'), {
			machine,
			scenarios,
			figures,
			notes: notes(settings),
			findings: FINDINGS,
		});
	}
	const missed = figures.filter((entry) => entry.target && !entry.met);
	log(missed.length === 0 ? 'All targets met.' : `${missed.length} target(s) not met.`);
	if (settings.strict && missed.length > 0) process.exitCode = 1;
}

function notes({ latencyMs }) {
	return [
		`The sandbox (sandbox/server.js) waits ${latencyMs} ms before every answer; rate limits are off. It runs in the bench's process, n8n in its own (\`n8n execute\`), on the same machine.`,
		"Node time is the node's `executionTime` in the run data, so n8n's start-up is not counted. The items come from a Code node.",
		"The HTTP Request node (4.2, predefined credential type pluggedInApi) sends the same URL and body. By default it sends every item's request at once; one at a time, it runs inside Loop Over Items with batch size 1 and its time is the sum of its runs.",
		"Floor: requests × latency / parallelism. Server time per request is measured on the sandbox (request arrived to answer written): the latency plus the sandbox's own work.",
		'Return All: the sandbox filters and sorts the whole library for every page (a database answers from an index); that work (server time beyond the latency) is taken out before comparing with the paging floor. The raw ratio is shown too.',
		"TCP connections are counted on the sandbox's server: 1 per request means no connection is reused (n8n's HTTP helper builds a new agent for every request, for our node and the HTTP Request node alike).",
		'n8n CPU per item: user + system time of the n8n process (/proc/<pid>/stat) while the node ran, divided by the items. Peak RSS: VmHWM of the n8n process, sampled every 20 ms.',
		"Trigger: poll() through n8n-core's PollContext in-process (test/harness pollNode), after a first poll that only records where the library stands.",
		'Cold load: a fresh Node process requiring every dist/nodes/**/*.node.js; "own" starts the clock once n8n-workflow and zod are loaded, as they are inside n8n.',
		'One run of each scenario: on a shared or busy machine the ratios move by 10–30 %; the load average is given above.',
	];
}

/** Found with CPU profiles of the n8n process (NODE_OPTIONS=--cpu-prof on n8n 2.41.1); true of any run. */
const FINDINGS = [
	"n8n's own cost per request bounds the throughput. Each request through n8n's HTTP helper evaluates the credential's `Bearer {{$credentials.apiKey}}` expression (n8n 2 evaluates expressions in an isolated VM), builds a new HTTP agent (a new TCP connection: no keep-alive) and goes through axios. With the item's own expression (the pushed value), that is most of the 5–8 ms of n8n CPU per item in the table, for our node and the HTTP Request node alike.",
	'So 10 requests in parallel are CPU-bound, not latency-bound: at 20 ms latency they would need under 2 ms of CPU per request to reach the floor. The speed-up over the HTTP Request node one at a time stays near 5× on 2 busy cores, so the target is the share of that CPU bound that 10 in parallel reach (≥ 0.9×), not a fixed speed-up.',
	"Our node's own work per item (reading parameters, zod checks, building the request, parsing the answer) is within measurement noise of a minimal node that only calls httpRequestWithAuthentication (in-process check with n8n-core). Credentials are read once per execution and handed to every request, so n8n no longer loads and decrypts them from its database per request (that was about a third of the CPU per request).",
	'The HTTP Request node reads the credential from the database three times per item (its item loop, requestWithAuthentication, and the sanitising of the request after it), which is why it is slower per request than our node.',
	"Return All: 100 pages of 100 (the server's maximum), no extra request. The rest over the paging floor is n8n's per-request cost (a few ms per page), n8n compiling the first expression of the process (the credential header, ~0.2 s once) and our node normalising the 10,000 documents (~0.1 s).",
	'A credential `authenticate` written as a function instead of the generic expression block would skip the expression per request: about 1 ms of CPU per request (~15 % for 10 in parallel, ~0.3 s on Return All) in a one-off experiment. It needs the credential and the test harness (which only applies the generic block) to change.',
];

main().catch((error) => {
	log(error.stack ?? String(error));
	process.exitCode = 1;
});
