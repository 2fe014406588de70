'use strict';
// A redirect never takes the API key to another host: the transport does not follow redirects at all.
const { createServer } = require('node:http');
const { PluggedInClipboard } = require('../../nodes/PluggedInClipboard/PluggedInClipboard.node');
const { PluggedInDocuments } = require('../../nodes/PluggedInDocuments/PluggedInDocuments.node');
const { SEEDED_DOCUMENT_IDS } = require('../../sandbox/routes/documents');
const { startSandbox } = require('../../sandbox/server');
const { runNode } = require('../harness/engine');

let sandbox;
/** The other host: it records every request it gets, and answers like Plugged.in would. */
const elsewhere = { server: undefined, url: '', requests: [] };

/** A route answering with a redirect to the other host, placed before the sandbox's own routes. */
function redirect(method, path, status) {
	sandbox.router.add(method, path, { auth: 'none' }, (req) => ({
		status,
		text: '',
		headers: { Location: `${elsewhere.url}${req.path}?token=secret-in-location` },
	}));
	sandbox.router.routes.unshift(sandbox.router.routes.pop());
}

beforeAll(async () => {
	sandbox = await startSandbox({ seed: true });
	elsewhere.server = createServer((req, res) => {
		elsewhere.requests.push({ method: req.method, url: req.url, headers: req.headers });
		res.writeHead(200, { 'Content-Type': 'application/json' });
		res.end('{"entries":[],"entry":{"uuid":"x"},"total":0}');
	});
	await new Promise((resolve) => elsewhere.server.listen(0, '127.0.0.1', resolve));
	elsewhere.url = `http://127.0.0.1:${elsewhere.server.address().port}`;
	redirect('GET', '/api/clipboard', 302);
	redirect('POST', '/api/clipboard/push', 307);
	redirect('GET', '/api/documents/:id', 301);
});

afterAll(async () => {
	await sandbox.stop();
	await new Promise((resolve) => elsewhere.server.close(resolve));
});

beforeEach(() => {
	elsewhere.requests.length = 0;
	sandbox.log.length = 0;
});

const credentials = () => ({ apiKey: sandbox.apiKey, baseUrl: sandbox.url });
const documentId = { __rl: true, mode: 'id', value: SEEDED_DOCUMENT_IDS.gettingStarted };

test.each([
	['a GET answered 302', () => new PluggedInClipboard(), { operation: 'getMany', returnAll: true }, 302],
	['a POST answered 307', () => new PluggedInClipboard(), { operation: 'push', value: 'hello' }, 307],
	['a document read answered 301', () => new PluggedInDocuments(), { operation: 'get', documentId }, 301],
])('%s: a clear error, and the other host gets nothing', async (_name, node, parameters, status) => {
	const { error, items } = await runNode(
		node(),
		{ ...parameters, options: { maxRetries: 1 } },
		{ credentials: credentials() },
	);
	expect(items).toEqual([]);
	expect(error.message).toBe(`Plugged.in answered HTTP ${status}, a redirect to ${elsewhere.url}`);
	expect(error.description).toMatch(/Redirects are not followed, so the API key is never sent to another address/);
	// The message names the host only: the redirect's query could carry a token of its own.
	expect(JSON.stringify(error)).not.toContain('secret-in-location');
	expect(sandbox.count()).toBe(1);
	expect(elsewhere.requests).toEqual([]);
});

test('with Continue On Fail the redirect is an error item of its input item', async () => {
	const { items, error } = await runNode(
		new PluggedInClipboard(),
		{ operation: 'getMany', returnAll: false, limit: 5 },
		{ credentials: credentials(), continueOnFail: true, items: [{}, {}] },
	);
	expect(error).toBeUndefined();
	expect(items.map((item) => [item.pairedItem, item.json.error.httpCode])).toEqual([
		[{ item: 0 }, '302'],
		[{ item: 1 }, '302'],
	]);
	expect(elsewhere.requests).toEqual([]);
});

test('the other host would have received the key: it is a real listener, reached directly', async () => {
	// Proves the check above can fail: the same request sent straight to it arrives, Authorization and all.
	const { error } = await runNode(
		new PluggedInClipboard(),
		{ operation: 'getMany', returnAll: false, limit: 5 },
		{ credentials: { apiKey: sandbox.apiKey, baseUrl: elsewhere.url } },
	);
	expect(error).toBeUndefined();
	expect(elsewhere.requests).toHaveLength(1);
	expect(elsewhere.requests[0].headers.authorization).toBe(`Bearer ${sandbox.apiKey}`);
});
