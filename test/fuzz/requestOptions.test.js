'use strict';
// The shared request options (Timeout, Max Retries, Requests in Parallel) are checked before anything is sent.
const { PluggedInClipboard } = require('../../nodes/PluggedInClipboard/PluggedInClipboard.node');
const { startSandbox } = require('../../sandbox/server');
const { runNode } = require('../harness/engine');

let sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ seed: true });
});
afterAll(async () => {
	await sandbox.stop();
});
beforeEach(() => {
	sandbox.log.length = 0;
});

const getMany = (options) =>
	runNode(
		new PluggedInClipboard(),
		{ operation: 'getMany', limit: 2, options },
		{ credentials: { apiKey: sandbox.apiKey, baseUrl: sandbox.url } },
	);

test.each([
	[{ timeout: -5 }, '"Timeout (Seconds)" (timeout): Number must be greater than or equal to 1'],
	[{ timeout: 1e308 }, '"Timeout (Seconds)" (timeout): Number must be less than or equal to 600'],
	[{ timeout: NaN }, '"Timeout (Seconds)" (timeout): Expected number, received nan'],
	[{ maxRetries: -1 }, '"Max Retries" (maxRetries): Number must be greater than or equal to 0'],
	[{ maxRetries: 2.5 }, '"Max Retries" (maxRetries): Expected integer, received float'],
	[{ parallel: 0 }, '"Requests in Parallel" (parallel): Number must be greater than or equal to 1'],
	[{ parallel: 'many' }, '"Requests in Parallel" (parallel): Expected number, received string'],
])('%j is refused, naming the option, before any request', async (options, message) => {
	const { error } = await getMany(options);
	expect(error.name).toBe('NodeOperationError');
	expect(error.message).toBe(`Invalid parameter ${message} [item 0]`);
	expect(sandbox.log).toEqual([]);
});

test('numbers given as text by an expression are read as numbers', async () => {
	const { error, items } = await getMany({ timeout: '5', maxRetries: '1', parallel: '2' });
	expect(error).toBeUndefined();
	expect(items).toHaveLength(2);
});
