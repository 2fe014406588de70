'use strict';
/**
 * The four sections of the bench. Each returns {scenarios, figures}: scenarios are the measured runs
 * (the details table), figures the ratios and numbers (the targets table; only some have a target).
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const { ROOT } = require('../scripts/lib/n8n');
const { log, measure } = require('./measure');
const { packageStats } = require('./packageStats');
const { atLeast, atMost, exactly, figure } = require('./report');
const workflows = require('./workflows');

const PARALLEL = 10;
const PAGE_SIZE = 100;
const TRIGGER_POLLS = 5;

/** The workflows sections 1 and 2 run, by id (imported together before the runs). */
function benchWorkflows({ items, agentId, baseUrl }) {
	const common = { count: items, agentId, baseUrl };
	const byId = { benchAll: workflows.returnAllWorkflow() };
	for (const [index, call] of Object.keys(workflows.CALLS).entries()) {
		byId[`bench${index}seq`] = workflows.oursWorkflow(call, { ...common, parallel: 1 });
		byId[`bench${index}par`] = workflows.oursWorkflow(call, { ...common, parallel: PARALLEL });
		byId[`bench${index}http`] = workflows.httpSequentialWorkflow(call, common);
		byId[`bench${index}httpAll`] = workflows.httpAllAtOnceWorkflow(call, common);
	}
	return byId;
}

/** 1. Clipboard pushes and heartbeats: our node (sequential, 10 in parallel) against the HTTP Request node. */
async function callsSection(env, { items, latencyMs }) {
	const scenarios = [];
	const figures = [];
	for (const [index, { label }] of Object.values(workflows.CALLS).entries()) {
		log(`1. ${items} ${label}`);
		const floor = items * latencyMs;
		const run = (suffix, what, floorMs) =>
			measure(env, { id: `bench${index}${suffix}`, label: `${label}: ${what}`, items, floorMs });
		const seq = await run('seq', 'our node, sequential', floor);
		const par = await run('par', `our node, ${PARALLEL} in parallel`, floor / PARALLEL);
		const http = await run('http', 'HTTP Request node, sequential (Loop Over Items, 1 per batch)', floor);
		const httpAll = await run('httpAll', 'HTTP Request node, all items at once (its default)', undefined);
		for (const scenario of [seq, par, http, httpAll]) {
			if (scenario.outputItems !== items || scenario.requests !== items) {
				throw new Error(
					`${scenario.label}: ${scenario.outputItems} items out, ${scenario.requests} requests for ${items}`,
				);
			}
		}
		scenarios.push(seq, par, http, httpAll);
		const perRequest = (scenario) => scenario.connections / scenario.requests;
		figures.push(
			figure(`${label}: our node sequential vs HTTP Request sequential`, seq.nodeMs / http.nodeMs, '×', atMost(1.05)),
			figure(
				`${label}: our node ${PARALLEL} in parallel, speed-up over HTTP Request sequential`,
				http.nodeMs / par.nodeMs,
				'×',
			),
			figure(
				`${label}: our node ${PARALLEL} in parallel, items/s vs what n8n's CPU per item allows (the lower of 1 / CPU per item and ${PARALLEL} / latency)`,
				boundShare(par, latencyMs),
				'×',
				atLeast(0.9),
			),
			figure(`${label}: our node sequential vs floor (${items} × ${latencyMs} ms)`, seq.nodeMs / floor, '×'),
			figure(
				`${label}: our node ${PARALLEL} in parallel vs floor (${items} × ${latencyMs} ms / ${PARALLEL})`,
				par.nodeMs / par.floorMs,
				'×',
			),
			figure(
				`${label}: our node ${PARALLEL} in parallel vs HTTP Request all at once (its default), time ratio`,
				par.nodeMs / httpAll.nodeMs,
				'×',
			),
			figure(`${label}: TCP connections per request, our node (keep-alive would give < 1)`, perRequest(seq), ''),
			figure(`${label}: TCP connections per request, HTTP Request node`, perRequest(http), ''),
		);
	}
	return { scenarios, figures };
}

/**
 * Measured items/s over the most one n8n process can do: n8n's own CPU per item (one JS thread) or the
 * latency with PARALLEL requests in flight, whichever binds first; both measured in this run.
 */
function boundShare(scenario, latencyMs) {
	if (scenario.cpuMsPerItem === undefined) return undefined;
	const itemsPerSecond = (scenario.items * 1000) / scenario.nodeMs;
	const bound = Math.min(1000 / scenario.cpuMsPerItem, (PARALLEL * 1000) / latencyMs);
	return itemsPerSecond / bound;
}

/** 2. Documents Get Many with Return All over the whole library. */
async function returnAllSection(env, { documents, latencyMs }) {
	log(`2. Return All over ${documents} documents`);
	const pages = Math.ceil(documents / PAGE_SIZE);
	const all = await measure(env, {
		id: 'benchAll',
		label: `Documents Get Many, Return All (${documents} documents, pages of ${PAGE_SIZE})`,
		items: documents,
		floorMs: pages * latencyMs,
	});
	if (all.outputItems !== documents || all.requests !== pages) {
		throw new Error(
			`Return All: ${all.outputItems} documents in ${all.requests} requests (expected ${documents} in ${pages})`,
		);
	}
	// The sandbox filters and sorts the whole library for every page: server time a database with an index does not add.
	const sandboxWorkMs = all.serverMsTotal - all.requests * latencyMs;
	const name = `Return All ${documents} documents`;
	const figures = [
		figure(
			`${name}: time less the sandbox's own work, vs paging floor (${pages} × ${latencyMs} ms)`,
			(all.nodeMs - sandboxWorkMs) / all.floorMs,
			'×',
			atMost(1.1),
		),
		figure(
			`${name}: raw time vs paging floor (includes ${Math.round(sandboxWorkMs)} ms of sandbox work)`,
			all.nodeMs / all.floorMs,
			'×',
		),
		figure(`${name}: requests`, all.requests, ''),
		figure(`${name}: peak RSS of the n8n process (VmHWM)`, all.peakRssMb, 'MB'),
	];
	return { scenarios: [all], figures };
}

/** 3. The trigger's poll, in a child process (the harness loads the TypeScript sources through tsx). */
function triggerSection({ documents, latencyMs }) {
	log(`3. Trigger poll, ${documents} documents, nothing new`);
	const name = `Trigger poll on ${documents} documents, nothing new`;
	const result = pollTrigger(documents, latencyMs);
	if (result.missing) {
		return {
			scenarios: [],
			figures: [figure(`${name}: requests per poll (not measured: ${result.missing})`, undefined, '', exactly(1))],
		};
	}
	if (result.emitted !== 0) throw new Error(`Trigger: ${result.emitted} items emitted with nothing new`);
	const median = [...result.msPerPoll].sort((a, b) => a - b)[Math.floor(result.msPerPoll.length / 2)];
	const figures = [
		figure(
			`${name}: requests per poll (most over ${TRIGGER_POLLS} polls)`,
			Math.max(...result.requestsPerPoll),
			'',
			exactly(1),
		),
		figure(`${name}: time per poll (median, latency ${latencyMs} ms)`, median, 'ms'),
	];
	return { scenarios: [], figures };
}

function pollTrigger(documents, latencyMs) {
	const triggerSource = path.join(ROOT, 'nodes', 'PluggedInTrigger', 'PluggedInTrigger.node.ts');
	const harness = fs.readFileSync(path.join(ROOT, 'test', 'harness', 'engine.js'), 'utf8');
	if (!fs.existsSync(triggerSource) || !/\bpollNode\b/.test(harness)) return { missing: 'trigger not present' };
	const script = path.join(__dirname, 'triggerPoll.js');
	const child = spawnSync(
		process.execPath,
		['--import', 'tsx', script, String(documents), String(latencyMs), String(TRIGGER_POLLS)],
		{ cwd: ROOT, encoding: 'utf8', timeout: 180_000 },
	);
	if (child.status !== 0) return { missing: `the poll failed: ${(child.stderr || '').trim().split('\n')[0]}` };
	return JSON.parse(child.stdout.trim().split('\n').pop());
}

/** 4. The package. */
function packageSection() {
	log('4. Package');
	const pkg = packageStats();
	const figures = [
		figure(
			`Cold load of the ${pkg.modules.length} node modules, n8n-workflow and zod already loaded (median of 5)`,
			pkg.coldLoadMs.own,
			'ms',
		),
		figure('Cold load including n8n-workflow and zod (median of 5)', pkg.coldLoadMs.total, 'ms'),
		figure(
			`Packed tarball (npm pack --dry-run: ${pkg.tarball.files} files, ${Math.round(pkg.tarball.unpackedBytes / 1024)} KB unpacked)`,
			pkg.tarball.bytes / 1024,
			'KB',
		),
	];
	return { scenarios: [], figures };
}

module.exports = { benchWorkflows, callsSection, packageSection, returnAllSection, triggerSection };
