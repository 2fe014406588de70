'use strict';
/**
 * The fault suite: every operation type under every fault mode of the sandbox, through the real
 * nodes and n8n's engine. Prints, per mode, the items sent, succeeded, failed-and-reported, lost and
 * duplicated writes; writes faults-report.json; exits 1 on any lost item or duplicated write (or
 * when the suite could not run).
 *
 *   node test/faults/run.js [--small] [--seed 1] [--items 40] [--concurrency 12]
 */
require('tsx/cjs'); // the nodes are TypeScript

const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');

const { FAULT_MODES } = require('../../sandbox/faults');
const { printReport } = require('./print');
const { SCENARIOS } = require('./scenarios');
const { runScenario, SETTINGS } = require('./suite');

const ROOT = path.resolve(__dirname, '../..');
const REPORT = path.join(ROOT, 'faults-report.json');

async function main() {
	const { values } = parseArgs({
		options: {
			small: { type: 'boolean', default: false },
			seed: { type: 'string', default: '1' },
			items: { type: 'string' },
			concurrency: { type: 'string', default: '12' },
		},
	});
	const count = Number(values.items ?? (values.small ? 12 : 40));
	const seed = Number(values.seed);
	const started = Date.now();
	console.log(
		`Fault suite: ${FAULT_MODES.length} modes × ${SCENARIOS.length} operations, ${count} items each, ` +
			`fault ratio ${SETTINGS.ratio}, timeout ${SETTINGS.timeoutSeconds} s, slow answers ${SETTINGS.slowMs} ms, ` +
			`Max Retries ${SETTINGS.maxRetries}, seed ${seed}`,
	);

	const jobs = FAULT_MODES.flatMap((mode, modeIndex) =>
		SCENARIOS.map((scenario, scenarioIndex) => ({
			scenario,
			mode,
			seed: seed * 1000 + modeIndex * 100 + scenarioIndex,
			// Retry-After of 0 s for half the operations, 1 s for the others.
			retryAfterSeconds: scenarioIndex % 2,
		})),
	);
	const results = await pool(jobs, Number(values.concurrency), async (job) => {
		const result = await runScenario(job.scenario, job.mode, {
			count,
			seed: job.seed,
			retryAfterSeconds: job.retryAfterSeconds,
		});
		const flag = result.lost || result.duplicated || result.unwarned ? '  <-- PROBLEM' : '';
		console.log(
			`  ${job.mode.padEnd(18)} ${job.scenario.name.padEnd(28)} sent ${result.sent}, ok ${result.succeeded}, ` +
				`reported ${result.reported}, lost ${result.lost}, duplicated ${result.duplicated}, faults ${result.injected}${flag}`,
		);
		return result;
	});

	const modes = FAULT_MODES.map((mode) =>
		summarise(
			mode,
			results.filter((result) => result.mode === mode),
		),
	);
	const types = [...new Set(SCENARIOS.map((scenario) => scenario.type))];
	// A mode whose fault never met an operation type has not tested it: run more items or another seed.
	const untested = modes.flatMap((entry) =>
		types.filter((type) => !entry.covered.includes(type)).map((type) => `${entry.mode}: ${type}`),
	);
	const ok =
		untested.length === 0 && modes.every((entry) => entry.lost === 0 && entry.duplicated === 0 && entry.unwarned === 0);
	const seconds = Math.round((Date.now() - started) / 1000);
	fs.writeFileSync(
		REPORT,
		JSON.stringify({ ok, small: values.small, seed, count, settings: SETTINGS, seconds, untested, modes }, null, 2) +
			'\n',
	);
	printReport(modes, { seconds, report: path.relative(process.cwd(), REPORT) });
	if (untested.length > 0) console.log(`Never met a fault: ${untested.join(', ')}  <-- PROBLEM`);
	console.log(ok ? 'PASS: no item lost, no write duplicated.' : 'FAIL: see the rows marked above.');
	return ok;
}

function summarise(mode, results) {
	const sum = (key) => results.reduce((total, result) => total + result[key], 0);
	return {
		mode,
		sent: sum('sent'),
		succeeded: sum('succeeded'),
		reported: sum('reported'),
		lost: sum('lost'),
		duplicated: sum('duplicated'),
		unwarned: sum('unwarned'),
		injected: sum('injected'),
		covered: [...new Set(results.filter((result) => result.injected > 0).map((result) => result.type))],
		operations: results.map(({ mode: _mode, ...result }) => result),
	};
}

/** Runs `work` over `jobs`, at most `size` at a time; results in job order. */
async function pool(jobs, size, work) {
	const results = new Array(jobs.length);
	let next = 0;
	const worker = async () => {
		while (next < jobs.length) {
			const index = next++;
			results[index] = await work(jobs[index]);
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, size) }, worker));
	return results;
}

main().then(
	(ok) => process.exit(ok ? 0 : 1),
	(error) => {
		console.error('The fault suite could not run:', error);
		process.exit(1);
	},
);
