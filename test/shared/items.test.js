'use strict';
// The item loop and paging, through n8n's real engine against the sandbox.
const { json, error } = require('../../sandbox/http');
const { ProbeNode } = require('../harness/probeNode');
const { PluggedInClipboard } = require('../../nodes/PluggedInClipboard/PluggedInClipboard.node');
const { runAgainst, useSandbox } = require('../harness/sandbox');

const fixture = useSandbox();
const probe = (parameters, options) =>
	runAgainst(fixture.sandbox, new ProbeNode(), { operation: 'send', ...parameters }, options);
const ITEMS = Array.from({ length: 10 }, (_, i) => ({ id: `item-${i}` }));
let inFlight = 0;
let maxInFlight = 0;

beforeAll(() => {
	const { router } = fixture.sandbox;
	// Slower for early items, so that with parallel requests they finish out of order.
	router.get('/api/test/echo/:n', { auth: 'apiKey' }, async (req) => {
		inFlight++;
		maxInFlight = Math.max(maxInFlight, inFlight);
		await new Promise((resolve) => setTimeout(resolve, 60 - Number(req.params.n) * 5));
		inFlight--;
		return Number(req.params.n) % 4 === 3
			? error(404, `No item ${req.params.n}`)
			: json(200, { n: Number(req.params.n) });
	});
	// A limiter (one counter for the path) that refuses everything for one second after refusing item 0.
	let closedUntil = 0;
	router.get('/api/test/limited', { auth: 'apiKey' }, (req) => {
		const refuse = {
			status: 429,
			json: { error: 'Too many requests', retryAfter: 1 },
			headers: { 'Retry-After': '1' },
		};
		if (Date.now() < closedUntil) return refuse;
		if (req.query.get('n') === '0') {
			closedUntil = Date.now() + 1000;
			return refuse;
		}
		return json(200, { n: Number(req.query.get('n')) });
	});
	router.get('/api/test/list', { auth: 'apiKey' }, (req) => {
		const limit = Number(req.query.get('limit'));
		const offset = Number(req.query.get('offset'));
		return json(200, { documents: ITEMS.slice(offset, offset + limit), total: ITEMS.length, limit, offset });
	});
});

beforeEach(() => {
	maxInFlight = 0;
});

const perItem = Array.from({ length: 8 }, (_, n) => ({ n }));
const echo = { path: '={{ "/api/test/echo/" + $json.n }}' };

test('Continue On Fail: every failed item comes out as an error item paired with its input', async () => {
	const { items, error: failure } = await probe(echo, { items: perItem, continueOnFail: true });
	expect(failure).toBeUndefined();
	expect(items.map((item) => item.pairedItem)).toEqual(perItem.map((_, item) => ({ item })));
	expect(items[3].json).toMatchObject({ error: 'Plugged.in: No item 3', httpCode: '404' });
	expect(items[7].json.error).toBe('Plugged.in: No item 7');
	expect(items[2].json).toEqual({ n: 2 });
});

test('Continue (using error output): failed items go to the error output, paired, with message, description and HTTP code', async () => {
	const { items, errorItems, error: failure } = await probe(echo, { items: perItem, onError: 'continueErrorOutput' });
	expect(failure).toBeUndefined();
	expect(items.map((item) => item.json.n)).toEqual([0, 1, 2, 4, 5, 6]);
	expect(items.map((item) => item.pairedItem.item)).toEqual([0, 1, 2, 4, 5, 6]);
	expect(errorItems.map((item) => item.pairedItem.item)).toEqual([3, 7]);
	// n8n merges the input item's JSON under the error.
	expect(errorItems[0].json).toMatchObject({
		n: 3,
		error: { message: 'Plugged.in: No item 3', httpCode: '404', description: expect.any(String) },
	});
});

test('the error item shape by version: flat at version 1 with Continue On Fail, nested at version 2 and on the error output', async () => {
	const clipboard = (parameters, options) => runAgainst(fixture.sandbox, new PluggedInClipboard(), parameters, options);
	const stored = await clipboard({ operation: 'set', keyBy: 'name', name: 'items-shape-here', value: 'v' });
	expect(stored.error).toBeUndefined();
	const get = { operation: 'get', keyBy: 'name', name: '={{ $json.key }}' };
	const input = [{ key: 'items-shape-missing' }, { key: 'items-shape-here' }];
	const message = 'No clipboard entry named "items-shape-missing"';
	const description = expect.stringMatching(/If Not Found to "Output Found: False"/);

	const v1 = await clipboard(get, { items: input, continueOnFail: true, typeVersion: 1 });
	expect(v1.error).toBeUndefined();
	expect(v1.items[0]).toEqual({ json: { error: message, description, httpCode: '404' }, pairedItem: { item: 0 } });
	expect(v1.items[1].json).toMatchObject({ name: 'items-shape-here', value: 'v' });
	expect(v1.items[1].json).not.toHaveProperty('error');
	expect(v1.items[1].pairedItem).toEqual({ item: 1 });

	const v2 = await clipboard(get, { items: input, continueOnFail: true, typeVersion: 2 });
	expect(v2.error).toBeUndefined();
	expect(v2.items[0]).toEqual({
		json: { error: { message, description, httpCode: '404' } },
		pairedItem: { item: 0 },
	});
	expect(v2.items[1].json).toMatchObject({ name: 'items-shape-here', value: 'v' });
	expect(v2.items[1].json).not.toHaveProperty('error');
	expect(v2.items[1].pairedItem).toEqual({ item: 1 });
	expect(v2.errorItems).toEqual([]);

	const errorOutput = await clipboard(get, { items: input, onError: 'continueErrorOutput', typeVersion: 2 });
	expect(errorOutput.error).toBeUndefined();
	expect(errorOutput.items).toHaveLength(1);
	expect(errorOutput.items[0].json).toMatchObject({ name: 'items-shape-here', value: 'v' });
	expect(errorOutput.items[0].json).not.toHaveProperty('error');
	expect(errorOutput.errorItems).toHaveLength(1);
	expect(errorOutput.errorItems[0].pairedItem).toEqual({ item: 0 });
	// n8n merges the input item's JSON under the error; the error itself is the same nested object.
	expect(errorOutput.errorItems[0].json.error).toEqual({ message, description, httpCode: '404' });
});

test('without Continue On Fail the first failing item stops the node, naming the item', async () => {
	const { error: failure } = await probe(echo, { items: perItem });
	expect(failure.message).toBe('Plugged.in: No item 3');
	expect(failure.context.itemIndex).toBe(3);
	// Items after the failure are not started.
	expect(fixture.sandbox.count('GET', /\/api\/test\/echo\/[4-7]$/)).toBe(0);
});

test('Requests in Parallel: several in flight, output still in input order with pairedItem', async () => {
	const { items } = await probe({ ...echo, options: { parallel: 4 } }, { items: perItem, continueOnFail: true });
	expect(maxInFlight).toBeGreaterThan(1);
	expect(maxInFlight).toBeLessThanOrEqual(4);
	expect(items.map((item) => item.json.n ?? item.json.error)).toEqual([
		0,
		1,
		2,
		'Plugged.in: No item 3',
		4,
		5,
		6,
		'Plugged.in: No item 7',
	]);
	expect(items.map((item) => item.pairedItem.item)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
});

test('a 429 past Max Rate-Limit Wait fails the items after it at once, without sending them into the closed window', async () => {
	// Item 0 is told to wait 1 s, more than the 0.5 s allowed: it fails with the reset time. Items 1 and 2 need
	// the same counter, which the transport knows is closed until then: they fail the same way, unsent.
	const { items } = await probe(
		{ path: '={{ "/api/test/limited?n=" + $json.n }}', options: { maxRateLimitWait: 0.5 } },
		{ items: perItem.slice(0, 3), continueOnFail: true },
	);
	expect(items.map((item) => item.json.httpCode)).toEqual(['429', '429', '429']);
	expect(items[1].json.error).toMatch(/try again after \d\d:\d\d:\d\d UTC/);
	expect(fixture.sandbox.log.filter((entry) => entry.status === 429)).toHaveLength(1);
	expect(fixture.sandbox.log.filter((entry) => entry.path === '/api/test/limited')).toHaveLength(1);
});

describe('paging', () => {
	test('Return All walks every page (pages of 3 over 10 items) and stops on the short page', async () => {
		const { items } = await probe({ path: '/api/test/list', page: true });
		expect(items[0].json.ids).toEqual(ITEMS.map((item) => item.id));
		expect(fixture.sandbox.count('GET', '/api/test/list')).toBe(4);
	});

	test('a limit asks for no more than needed', async () => {
		const { items } = await probe({ path: '/api/test/list', page: true, max: 5 });
		expect(items[0].json.count).toBe(5);
		const queries = fixture.sandbox.log.filter((entry) => entry.path === '/api/test/list').map((entry) => entry.query);
		expect(queries).toEqual(['?offset=0&limit=3', '?offset=3&limit=2']);
	});

	test('stops at total even when the last page is full', async () => {
		const { items } = await probe({ path: '/api/test/list', page: true, max: 9 });
		expect(items[0].json.count).toBe(9);
		expect(fixture.sandbox.count('GET', '/api/test/list')).toBe(3);
	});
});
