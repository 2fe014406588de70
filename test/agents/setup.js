'use strict';
/** Shared by the Agents tests: a fresh seeded sandbox per test, the node's runner, a locator value. */
const { PluggedInAgents } = require('../../nodes/PluggedInAgents/PluggedInAgents.node');
const { startSandbox } = require('../../sandbox/server');
const { runNode } = require('../harness/engine');

/** `fixture.sandbox` is a new seeded sandbox in every test; `fixture.run(parameters, options)` runs the node on it. */
function useFreshSandbox() {
	const fixture = {};
	beforeEach(async () => {
		fixture.sandbox = await startSandbox({ seed: true });
	});
	afterEach(async () => {
		await fixture.sandbox.stop();
	});
	fixture.run = (parameters, options = {}) =>
		runNode(new PluggedInAgents(), parameters, {
			credentials: { apiKey: fixture.sandbox.apiKey, baseUrl: fixture.sandbox.url },
			...options,
		});
	return fixture;
}

/** A resource locator value, as workflow JSON stores it. */
const byId = (value) => ({ __rl: true, mode: 'id', value });

module.exports = { byId, useFreshSandbox };
