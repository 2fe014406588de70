'use strict';
// The nodes against the sandbox with its three rate-limit layers on, time-scaled so that many windows
// pass in seconds. Assertions are on counts and order (what was sent, refused, output), not on durations.
const { PROFILE, useSandbox } = require('../harness/sandbox');
const { PluggedInDocuments } = require('../../nodes/PluggedInDocuments/PluggedInDocuments.node');
const { PluggedInClipboard } = require('../../nodes/PluggedInClipboard/PluggedInClipboard.node');
const { PluggedInAgents } = require('../../nodes/PluggedInAgents/PluggedInAgents.node');
const { Trigger, insertDocuments } = require('../trigger/poller');

jest.setTimeout(90_000);

const limited = (scale, extra = {}) => ({ rateLimits: { enabled: true, ...extra }, rateLimitScale: scale });
const refusals = (requests) => requests.filter((request) => request.status === 429);

describe('Documents Get Many, Return All, layer 1 (no headers: the node finds the window by asking again)', () => {
	// 10 requests per path per window of 3 s (60 s × 0.05), so that a shared 2-core machine still meets the limit.
	const t = useSandbox(limited(0.05, { l1Max: 10 }), { node: () => new PluggedInDocuments() });
	const COUNT = 3_450;

	beforeAll(() => {
		for (let i = 0; i < COUNT; i++) t.sandbox.documents.insert(PROFILE, { title: `d${i}`, createdAt: 1_000_000 + i });
	});

	test('past three windows: every document once, in order, no failure', async () => {
		const { items, requests, error } = await t.sent({ operation: 'getMany', returnAll: true, simplify: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(COUNT);
		expect(new Set(items.map((item) => item.json.id)).size).toBe(COUNT);
		expect(items[0].json.title).toBe(`d${COUNT - 1}`);
		expect(items[COUNT - 1].json.title).toBe('d0');
		const pages = requests.filter((request) => request.status === 200);
		expect(pages.map((page) => new URLSearchParams(page.query).get('offset'))).toEqual(
			Array.from({ length: 35 }, (_, i) => String(i * 100)),
		);
		// Every window boundary was met (35 pages, 10 a window) and waited out.
		expect(refusals(requests).length).toBeGreaterThanOrEqual(3);
	});

	test('Max Rate-Limit Wait 0: the 429 fails the item at once, naming the limit per address and route', async () => {
		const { error, requests } = await t.sent({
			operation: 'getMany',
			returnAll: true,
			options: { maxRateLimitWait: 0 },
		});
		expect(refusals(requests)).toHaveLength(1);
		expect(error.message).toBe(
			'Plugged.in allows 100 requests per minute from one client address to /api/documents; try again in up to 60 s',
		);
		expect(error.description).toMatch(/Max Rate-Limit Wait is 0/);
		expect(error.description).toMatch(/another API key does not help/);
		expect(error.description).not.toMatch(/Requests in Parallel/);
	});
});

describe('Documents Create, layer 2 (100 per hour per key)', () => {
	// 1 h → 6 min: the 101st create is told to wait about 360 s, more than the default 300 s.
	const t = useSandbox(limited(0.1), { node: () => new PluggedInDocuments() });

	test('the 101st create fails at once with the reset time; with Continue On Fail the rest fail unsent', async () => {
		const input = Array.from({ length: 104 }, (_, n) => ({ n }));
		const before = Date.now();
		const { items, requests } = await t.sent(
			{
				operation: 'create',
				title: '={{ "Report " + $json.n }}',
				content: 'text',
				modelName: 'claude-sonnet-4',
				modelProvider: 'anthropic',
				options: { returnRawResponse: true },
			},
			{ items: input, continueOnFail: true },
		);
		// Layer 1 (100 a minute on the path) refuses the 101st first and is waited out; then layer 2 answers with
		// its reset, and item 100 fails. Items 101-103 are not sent.
		const creates = requests.filter((request) => request.method === 'POST');
		expect(creates.filter((request) => request.status === 201)).toHaveLength(100);
		expect(creates.at(-1).status).toBe(429);
		expect(creates.length).toBeLessThanOrEqual(101 + 10);
		expect(items.slice(0, 100).every((item) => item.json.success === true)).toBe(true);
		const failed = items.slice(100);
		expect(failed.map((item) => item.pairedItem.item)).toEqual([100, 101, 102, 103]);
		const [first] = failed;
		expect(first.json.error.httpCode).toBe('429');
		const match =
			/^Plugged\.in allows 100 document creations per hour for this API key; try again after (\d\d):(\d\d):(\d\d) UTC$/.exec(
				first.json.error.message,
			);
		expect(match).not.toBeNull();
		const [h, m, s] = match.slice(1).map(Number);
		const day = new Date(before);
		const reset = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), h, m, s);
		const ahead = (((reset - before) % 86_400_000) + 86_400_000) % 86_400_000;
		expect(ahead).toBeGreaterThan(300_000);
		expect(ahead).toBeLessThan(400_000);
		expect(first.json.error.description).toMatch(/Raise Max Rate-Limit Wait to 3\d\d s/);
		expect(failed.every((item) => item.json.error.message === first.json.error.message)).toBe(true);
		expect(failed.slice(1).every((item) => /The node waited 0 s/.test(item.json.error.description))).toBe(true);
	});
});

describe('Clipboard Push, layer 2 (60 writes per window per key)', () => {
	// 60 s → 3 s: 130 pushes need three windows.
	const t = useSandbox(limited(0.05), { node: () => new PluggedInClipboard() });

	test('130 pushes, 5 in parallel: all succeed, output in input order, each pushed once', async () => {
		t.sandbox.clipboard.rows.clear();
		const input = Array.from({ length: 130 }, (_, n) => ({ n }));
		const { items, requests, error } = await t.sent(
			{ operation: 'push', value: '={{ "v" + $json.n }}', options: { parallel: 5 } },
			{ items: input },
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.value)).toEqual(input.map(({ n }) => `v${n}`));
		const pushes = requests.filter((request) => request.path === '/api/clipboard/push');
		expect(pushes.filter((request) => request.status === 200)).toHaveLength(130);
		const stored = t.sandbox.clipboard.rows.get(PROFILE).map((row) => row.value);
		expect(new Set(stored).size).toBe(130);
		// The first window's in-flight pushes meet the limit; later windows are paced from the learned budget.
		expect(refusals(pushes).length).toBeGreaterThanOrEqual(1);
		expect(refusals(pushes).length).toBeLessThanOrEqual(12);
	});
});

describe('Agents on a server without Redis (Retry-After 60 s, X-RateLimit-Reset an hour later)', () => {
	// 1 h → 36 s, 60 s → 0.6 s.
	const t = useSandbox(limited(0.01, { agentsWithoutRedis: true }), { node: () => new PluggedInAgents() });

	test('the later reset wins: Get Many fails at once with the reset, not after retries of 60 s', async () => {
		const create = await t.run({ operation: 'create', name: 'limit-probe', image: 'nginx:alpine' });
		expect(create.error).toBeUndefined();
		// The create opened the path's window for an hour; 30 more requests (half of 60) use it up.
		for (let i = 0; i < 29; i++) expect((await t.run({ operation: 'getMany' })).error).toBeUndefined();
		const { error, requests } = await t.sent({ operation: 'getMany', options: { maxRateLimitWait: 10 } });
		expect(refusals(requests)).toHaveLength(1);
		expect(error.message).toMatch(
			/^Plugged\.in allows 30 agent list requests per minute from one client address to this route; try again after/,
		);
		expect(error.description).toMatch(/another API key does not help/);
	});
});

describe('Trigger, Document Created, under layer 1', () => {
	const fixture = useSandbox(limited(0.05), { fresh: 'test' });
	const BASE = Date.parse('2026-06-01T00:00:00.000Z');

	/** Someone else's traffic from the same address uses up the list path's window. */
	async function exhaustListWindow(sandbox) {
		const headers = { authorization: `Bearer ${sandbox.apiKey}` };
		for (let i = 0; i < 100; i++) await fetch(`${sandbox.url}/api/documents?limit=1`, { headers });
	}

	test('a poll that cannot wait ends without storing anything; the next continues where the last good one stopped', async () => {
		const { sandbox } = fixture;
		insertDocuments(sandbox, 1, { at: BASE });
		const trigger = new Trigger(sandbox, { event: 'documentCreated' });
		await trigger.poll();
		const stored = JSON.stringify(trigger.stored);
		const fresh = insertDocuments(sandbox, 3, { at: BASE + 1000, prefix: 'new' });

		await exhaustListWindow(sandbox);
		trigger.parameters.options.maxRateLimitWait = 0;
		const refused = await trigger.poll();
		delete trigger.parameters.options.maxRateLimitWait;
		expect(refused.error.message).toMatch(/^Plugged\.in allows 100 requests per minute/);
		expect(refusals(refused.requests)).toHaveLength(1);
		expect(JSON.stringify(trigger.stored)).toBe(stored);

		// Within its budget the poll waits for the window to end, then emits what was missed, once.
		const waited = await trigger.poll();
		expect(waited.error).toBeUndefined();
		expect(waited.json.map((item) => item.id).sort()).toEqual([...fresh].sort());
		expect(refusals(waited.requests).length).toBeGreaterThanOrEqual(1);
		expect((await trigger.poll()).json).toEqual([]);
	});
});
