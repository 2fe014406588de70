'use strict';
/**
 * The one sandbox fixture of the tests: `const fixture = useSandbox(options, lifetime)`, then `fixture.sandbox`.
 * `options` go to startSandbox. `lifetime`:
 * - `fresh: 'file'` (default): one sandbox for the file; before each test its request log, rate limits and
 *   scripted faults are emptied, and `reset(sandbox)` runs (the clipboard tests empty the clipboard);
 * - `fresh: 'test'`: a new sandbox for every test;
 * - `node: () => new SomeNode()`: adds `fixture.run(parameters, runOptions)`, one run of that node against
 *   the sandbox (`runOptions.nodeType` swaps in another node), and `fixture.sent(...)`, the same run plus
 *   the requests it caused (`[{method, path, query, status}]`).
 */
const { startSandbox } = require('../../sandbox/server');
const { runNode } = require('./engine');

function useSandbox(options = {}, { fresh = 'file', reset, node } = {}) {
	const fixture = { sandbox: undefined };
	const start = async () => {
		fixture.sandbox = await startSandbox(options);
	};
	const stop = async () => {
		await fixture.sandbox.stop();
	};
	if (fresh === 'test') {
		beforeEach(start);
		afterEach(stop);
	} else {
		beforeAll(start);
		afterAll(stop);
		beforeEach(() => {
			fixture.sandbox.log.length = 0;
			fixture.sandbox.limiter.reset();
			fixture.sandbox.faults.scripted.length = 0;
			reset?.(fixture.sandbox);
		});
	}
	if (node) {
		fixture.run = (parameters, { nodeType, ...runOptions } = {}) =>
			runAgainst(fixture.sandbox, nodeType ?? node(), parameters, runOptions);
		fixture.sent = async (parameters, runOptions) => {
			const before = fixture.sandbox.log.length;
			const result = await fixture.run(parameters, runOptions);
			return { ...result, requests: fixture.sandbox.log.slice(before) };
		};
	}
	return fixture;
}

/** Runs a node once against the sandbox with its key. */
function runAgainst(sandbox, node, parameters, options = {}) {
	return runNode(node, parameters, { credentials: { apiKey: sandbox.apiKey, baseUrl: sandbox.url }, ...options });
}

/** A resource locator value, as workflow JSON stores it. */
const byId = (value) => ({ __rl: true, mode: 'id', value });

/** The profile of the sandbox's default API key. */
const PROFILE = 'profile-sandbox';

module.exports = { byId, PROFILE, runAgainst, useSandbox };
