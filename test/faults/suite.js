'use strict';
/**
 * One scenario under one fault mode: a fresh sandbox, random faults (seeded) on the scenario's route
 * only, the real node through the engine harness with Continue On Fail, then the tally.
 */
const { startSandbox } = require('../../sandbox/server');
const { runNode } = require('../harness/engine');
const { classifyRun, duplicatedWrites, warnsMaybeApplied } = require('./tally');

/** Short timeout and few retries, so a full run stays within minutes; slow answers outlast the timeout. */
const SETTINGS = { ratio: 0.3, timeoutSeconds: 1, slowMs: 1500, maxRetries: 2, parallel: 2 };

/**
 * @param {import('./scenarios').Scenario} scenario
 * @param {string} mode                 one of sandbox/faults.js FAULT_MODES
 * @param {{count: number, seed: number, retryAfterSeconds: number, settings?: object}} options
 */
async function runScenario(scenario, mode, { count, seed, retryAfterSeconds, settings = SETTINGS }) {
	const sandbox = await startSandbox();
	try {
		const tag = `${mode}-${seed}`;
		const plan = scenario.prepare(sandbox, count, tag);
		sandbox.faults.configure({
			ratios: { [mode]: settings.ratio },
			seed,
			slowMs: settings.slowMs,
			retryAfterSeconds,
			filter: scenario.route,
		});
		const credentials = { apiKey: sandbox.apiKey, baseUrl: sandbox.url };
		const options = { timeout: settings.timeoutSeconds, maxRetries: settings.maxRetries, parallel: settings.parallel };
		const outcomes = [];
		for (const batch of plan.batches) {
			batch.before?.();
			const run = await runNode(
				scenario.node(),
				{ ...batch.parameters, options },
				{ items: batch.items, credentials, continueOnFail: true },
			);
			batch.after?.();
			outcomes.push(...classifyRun(run, batch.items.length, plan, outcomes.length));
		}
		const failures = outcomes
			.map((outcome, item) => ({ item, ...outcome }))
			.filter((outcome) => outcome.status !== 'succeeded');
		const isWrite = Boolean(plan.applied);
		return {
			scenario: scenario.name,
			type: scenario.type,
			mode,
			sent: outcomes.length,
			succeeded: outcomes.filter((outcome) => outcome.status === 'succeeded').length,
			reported: outcomes.filter((outcome) => outcome.status === 'reported').length,
			lost: outcomes.filter((outcome) => outcome.status === 'lost').length,
			duplicated: isWrite ? duplicatedWrites(plan.applied()) : 0,
			unwarned: isWrite ? failures.filter((f) => f.status === 'reported' && !warnsMaybeApplied(f)).length : 0,
			injected: sandbox.faults.injected[mode] ?? 0,
			requests: sandbox.log.length,
			failures,
		};
	} finally {
		await sandbox.stop();
	}
}

module.exports = { SETTINGS, runScenario };
