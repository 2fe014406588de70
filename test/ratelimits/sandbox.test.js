'use strict';
// The sandbox's rate limits, time-scaled: the same three layers, every window (and Retry-After,
// X-RateLimit-Reset) shortened by the same factor.
const { useSandbox } = require('../harness/sandbox');

// Windows of 3 s (60 s × 0.05): long enough for a dozen requests on a busy machine.
const fixture = useSandbox({ rateLimits: { enabled: true }, rateLimitScale: 0.05 });
const fewPerWindow = useSandbox({ rateLimits: { enabled: true, l1Max: 5 }, rateLimitScale: 0.05 });
const noRedis = useSandbox({ rateLimits: { enabled: true, agentsWithoutRedis: true }, rateLimitScale: 0.01 });
const UUID = '6f1d3c2a-1b2c-4d3e-8f4a-5b6c7d8e9f00';

function call(sandbox, path, { method = 'GET', body } = {}) {
	const headers = { authorization: `Bearer ${sandbox.apiKey}`, 'content-type': 'application/json' };
	return fetch(sandbox.url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

test('layer 1: past the path budget in a scaled window (3 s), refused without headers, then allowed again', async () => {
	const { sandbox } = fewPerWindow;
	for (let i = 0; i < 5; i++) expect((await call(sandbox, '/api/documents?limit=1')).status).toBe(200);
	const refused = await call(sandbox, '/api/documents?limit=1');
	expect(refused.status).toBe(429);
	expect(refused.headers.get('retry-after')).toBeNull();
	expect(refused.headers.get('x-ratelimit-reset')).toBeNull();
	expect((await call(sandbox, '/api/documents/search', { method: 'POST', body: { query: 'a' } })).status).toBe(200);
	await sleep(3_100);
	expect((await call(sandbox, '/api/documents?limit=1')).status).toBe(200);
});

test('layer 2 is one counter per key: 10 clipboard reads, then a PATCH is refused with the window the reads opened', async () => {
	const { sandbox } = fixture;
	for (let i = 0; i < 10; i++) expect((await call(sandbox, '/api/clipboard')).status).toBe(200);
	const before = Date.now();
	const patch = await call(sandbox, `/api/documents/${UUID}`, { method: 'PATCH', body: { operation: 'append' } });
	expect(patch.status).toBe(429);
	expect(patch.headers.get('x-ratelimit-limit')).toBe('10');
	// The reads opened a 60 s window, scaled to 3 s (not the PATCH's 5 min, 15 s scaled): Retry-After in
	// tenths, the reset as a real ISO date.
	expect(Number(patch.headers.get('retry-after'))).toBeLessThanOrEqual(3);
	const reset = Date.parse(patch.headers.get('x-ratelimit-reset'));
	expect(reset - before).toBeLessThanOrEqual(3_000);
	expect((await patch.json()).error).toBe('Too many document updates. Please wait before making more changes.');
});

test('without Redis: a create opens an hour for the agents path; the refusal says Retry-After 60 s but resets an hour later', async () => {
	const { sandbox } = noRedis;
	await call(sandbox, '/api/agents', { method: 'POST', body: { name: 'window-opener', image: 'nginx:alpine' } });
	const before = Date.now();
	// Half of the list limit (60) for the path, the create included.
	for (let i = 0; i < 29; i++) expect((await call(sandbox, '/api/agents')).status).toBe(200);
	const refused = await call(sandbox, '/api/agents');
	expect(refused.status).toBe(429);
	expect(refused.headers.get('retry-after')).toBe('0.6');
	const reset = Date.parse(refused.headers.get('x-ratelimit-reset')) - before;
	expect(reset).toBeGreaterThan(30_000);
	expect(reset).toBeLessThanOrEqual(36_000);
	expect((await refused.json()).retryAfter).toBe(0.6);
});
