'use strict';
/** One sandbox per test file, reset between tests: `const fixture = useSandbox(options)`, then `fixture.sandbox`. */
const { startSandbox } = require('../../sandbox/server');
const { runNode } = require('./engine');

function useSandbox(options = {}) {
	const fixture = { sandbox: undefined };
	beforeAll(async () => {
		fixture.sandbox = await startSandbox(options);
	});
	afterAll(async () => {
		await fixture.sandbox.stop();
	});
	beforeEach(() => {
		fixture.sandbox.log.length = 0;
		fixture.sandbox.limiter.reset();
	});
	return fixture;
}

/** Runs a node once against the sandbox with its key. */
function runAgainst(sandbox, node, parameters, options = {}) {
	return runNode(node, parameters, { credentials: { apiKey: sandbox.apiKey, baseUrl: sandbox.url }, ...options });
}

module.exports = { runAgainst, useSandbox };
