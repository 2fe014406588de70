'use strict';
/** Shared by the Documents tests: a sandbox per test file and a runner for the node. */
const { startSandbox } = require('../../sandbox/server');
const { runNode } = require('../harness/engine');
const { PluggedInDocuments } = require('../../nodes/PluggedInDocuments/PluggedInDocuments.node');

/**
 * Starts a sandbox before the file's tests and stops it after.
 * @returns {{ sandbox: import('../../sandbox/server').Sandbox, run: Function, sent: Function, byId: Function }}
 */
function useSandbox(options = {}) {
	const context = {};
	beforeAll(async () => {
		context.sandbox = await startSandbox(options);
	});
	afterAll(async () => {
		await context.sandbox.stop();
	});
	/** Runs the node with these parameters; `nodeType` lets a test wrap the node. */
	context.run = (parameters, runOptions = {}) =>
		runNode(runOptions.nodeType ?? new PluggedInDocuments(), parameters, {
			credentials: { apiKey: context.sandbox.apiKey, baseUrl: context.sandbox.url },
			...runOptions,
		});
	/** The requests a run sent: [{method, path, query, status}]. */
	context.sent = async (parameters, runOptions) => {
		const before = context.sandbox.log.length;
		const result = await context.run(parameters, runOptions);
		return { ...result, requests: context.sandbox.log.slice(before) };
	};
	return context;
}

/** A resource locator value, as workflow JSON stores it. */
const byId = (value) => ({ __rl: true, mode: 'id', value });

/** The profile of the sandbox's default API key. */
const PROFILE = 'profile-sandbox';

module.exports = { useSandbox, byId, PROFILE, PluggedInDocuments };
