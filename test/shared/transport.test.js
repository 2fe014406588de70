'use strict';
// The shared transport through n8n's real engine: retries counted at the sandbox, errors in the server's words.
const { json } = require('../../sandbox/http');
const { ProbeNode } = require('../harness/probeNode');
const { runAgainst, useSandbox } = require('../harness/sandbox');

const fixture = useSandbox();
const probe = (parameters, options) => runAgainst(fixture.sandbox, new ProbeNode(), { operation: 'send', ...parameters }, options);
const FAST = { options: { maxRetries: 2 } };

beforeAll(() => {
	const { router } = fixture.sandbox;
	router.get('/api/test/ok', { auth: 'apiKey' }, () => json(200, { ok: true }));
	router.post('/api/test/write', { auth: 'apiKey' }, () => json(201, { written: true }));
	router.get('/api/test/status/:code', { auth: 'apiKey' }, (req) =>
		json(Number(req.params.code), {
			error: `Status ${req.params.code} from the server`,
			details: [{ path: 'title', message: 'Required' }],
		}),
	);
	router.get('/api/test/text', { auth: 'apiKey' }, () => ({ status: 200, text: 'plain answer' }));
});

describe('retries', () => {
	test('429 with Retry-After in seconds: waits and sends again', async () => {
		fixture.sandbox.faults.script({ mode: '429', retryAfter: '1', path: /\/api\/test\/ok/ });
		const { items, error } = await probe({ path: '/api/test/ok' });
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ ok: true });
		expect(fixture.sandbox.count('GET', '/api/test/ok')).toBe(2);
	});

	test('429 with Retry-After as an HTTP date', async () => {
		const date = new Date(Date.now() + 1000).toUTCString();
		fixture.sandbox.faults.script({ mode: '429', retryAfter: date, path: /\/api\/test\/ok/ });
		const { items } = await probe({ path: '/api/test/ok' });
		expect(items[0].json).toEqual({ ok: true });
		expect(fixture.sandbox.count('GET', '/api/test/ok')).toBe(2);
	});

	test('429 without Retry-After (layer 1): backs off and retries, POST included', async () => {
		fixture.sandbox.faults.script({ mode: '429-no-retry-after', path: /write/ });
		const { items } = await probe({ method: 'POST', path: '/api/test/write', body: '{}' });
		expect(items[0].json).toEqual({ written: true });
		expect(fixture.sandbox.count('POST', '/api/test/write')).toBe(2);
	});

	test('GET is sent again after a 500, a 503 and a reset connection', async () => {
		fixture.sandbox.faults.script(
			{ mode: '500', path: /ok/ },
			{ mode: '503', path: /ok/ },
			{ mode: 'reset', path: /ok/ },
		);
		const { items, error } = await probe({ path: '/api/test/ok', options: { maxRetries: 3 } });
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ ok: true });
		expect(fixture.sandbox.count('GET', '/api/test/ok')).toBe(4);
	});

	test('POST is never repeated after a 500: it may already have been applied', async () => {
		fixture.sandbox.faults.script({ mode: '500', phase: 'after', path: /write/ });
		const { error } = await probe({ method: 'POST', path: '/api/test/write', body: '{}', ...FAST });
		expect(fixture.sandbox.count('POST', '/api/test/write')).toBe(1);
		expect(error.message).toBe('Plugged.in: Internal server error');
		expect(error.description).toMatch(/not repeated/);
	});

	test('POST is not repeated after a reset connection either', async () => {
		fixture.sandbox.faults.script({ mode: 'reset', phase: 'after', path: /write/ });
		const { error } = await probe({ method: 'POST', path: '/api/test/write', body: '{}', ...FAST });
		expect(fixture.sandbox.count('POST', '/api/test/write')).toBe(1);
		expect(error.message).toMatch(/^The connection to Plugged\.in at http.* was lost$/);
		expect(error.description).toMatch(/may already have been applied/);
	});

	test('a GET slower than the timeout is retried; a POST fails with the timeout named', async () => {
		fixture.sandbox.faults.configure({ ratios: {}, slowMs: 2500 });
		fixture.sandbox.faults.script({ mode: 'slow', path: /ok/ });
		const read = await probe({ path: '/api/test/ok', options: { timeout: 1, maxRetries: 1 } });
		expect(read.items[0].json).toEqual({ ok: true });
		expect(fixture.sandbox.count('GET', '/api/test/ok')).toBe(2);

		fixture.sandbox.faults.script({ mode: 'slow', path: /write/ });
		const write = await probe({ method: 'POST', path: '/api/test/write', body: '{}', options: { timeout: 1 } });
		expect(write.error.message).toBe('Plugged.in did not answer within 1 s');
		expect(fixture.sandbox.count('POST', '/api/test/write')).toBe(1);
	});

	test('gives up after Max Retries and says so', async () => {
		fixture.sandbox.faults.script({ mode: '503', path: /ok/ }, { mode: '503', path: /ok/ });
		const { error } = await probe({ path: '/api/test/ok', options: { maxRetries: 1 } });
		expect(fixture.sandbox.count('GET', '/api/test/ok')).toBe(2);
		expect(error.message).toBe('Plugged.in answered HTTP 503 with an HTML page');
	});
});

describe('error mapping', () => {
	test.each([
		['400', /title: Required/, /check the parameters/],
		['403', /Status 403/, /no access/],
		['404', /Status 404/, /Base URL/],
		['409', /Status 409/, /conflicting state/],
		['413', /Status 413/, /too large/],
	])('%s carries the server message and what to do', async (code, message, description) => {
		const { error } = await probe({ path: `/api/test/status/${code}` });
		expect(error.message).toMatch(message);
		expect(error.message).toMatch(/^Plugged\.in: /);
		expect(error.description).toMatch(description);
		expect(error.httpCode).toBe(code);
	});

	test('401 names the key and base URL, and never shows the key', async () => {
		const secret = 'pg_in_' + 'S3CRETKEY'.repeat(7).slice(0, 64);
		const run = await runAgainst(
			{ ...fixture.sandbox, apiKey: secret, url: fixture.sandbox.url },
			new ProbeNode(),
			{ operation: 'send', path: '/api/profile-capabilities' },
		);
		expect(run.error.message).toBe('Plugged.in: Invalid API key');
		expect(run.error.description).toMatch(/API key and the Base URL/);
		expect(JSON.stringify(run.run)).not.toContain('S3CRETKEY');
	});

	test('429 whose Retry-After is past Max Rate-Limit Wait fails at once, saying when to try again', async () => {
		fixture.sandbox.faults.script({ mode: '429', retryAfter: '42', path: /ok/ });
		const { error } = await probe({ path: '/api/test/ok', options: { maxRateLimitWait: 10 } });
		expect(error.httpCode).toBe('429');
		expect(error.message).toMatch(/try again after \d\d:\d\d:\d\d UTC$/);
		expect(error.description).toMatch(/waited 0 s; Max Rate-Limit Wait is 10 s.*Raise Max Rate-Limit Wait to 4\d s/);
		expect(fixture.sandbox.count('GET', '/api/test/ok')).toBe(1);
	});

	test('429s do not use up Max Retries: with Max Retries 0 three 429s in a row are waited out', async () => {
		fixture.sandbox.faults.script(
			...Array.from({ length: 3 }, () => ({ mode: '429', retryAfter: '0.2', path: /\/api\/test\/ok/ })),
		);
		const { items } = await probe({ path: '/api/test/ok', options: { maxRetries: 0 } });
		expect(items[0].json).toEqual({ ok: true });
		expect(fixture.sandbox.count('GET', '/api/test/ok')).toBe(4);
	});

	test('a read whose 200 answer is broken JSON is asked again', async () => {
		fixture.sandbox.faults.script({ mode: 'malformed', path: /ok/ });
		const { items } = await probe({ path: '/api/test/ok', options: { maxRetries: 1 } });
		expect(items[0].json).toEqual({ ok: true });
		expect(fixture.sandbox.count('GET', '/api/test/ok')).toBe(2);
	});

	test('a write whose answer is broken JSON is not repeated and may have been applied', async () => {
		fixture.sandbox.faults.script({ mode: 'malformed', phase: 'after', path: /write/ });
		const { error } = await probe({ method: 'POST', path: '/api/test/write', body: '{}' });
		expect(fixture.sandbox.count('POST', '/api/test/write')).toBe(1);
		expect(error.message).toBe('Plugged.in sent a response that is not valid JSON (HTTP 200)');
		expect(error.description).toMatch(/may have been applied/);
	});

	test('a 200 with malformed JSON is an error, not an empty result', async () => {
		fixture.sandbox.faults.script({ mode: 'malformed', path: /ok/ });
		const { error } = await probe({ path: '/api/test/ok', options: { maxRetries: 0 } });
		expect(error.message).toBe('Plugged.in sent a response that is not valid JSON (HTTP 200)');
	});

	test('an unknown route answers with an HTML page, reported as such', async () => {
		const { error } = await probe({ path: '/api/nope' });
		expect(error.message).toBe('Plugged.in answered HTTP 404 with an HTML page');
	});

	test('text/plain answers come through as text', async () => {
		const { items } = await probe({ path: '/api/test/text' });
		expect(items[0].json).toEqual({ text: 'plain answer' });
	});
});
