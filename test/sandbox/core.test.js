'use strict';
// The sandbox's cross-cutting behaviour, over plain HTTP: auth bodies, route misses, rate-limit layers,
// CSRF, faults, and the command line. These are the real server's answers (contract §0, §1, §8).
const { spawn } = require('node:child_process');
const path = require('node:path');
const { json } = require('../../sandbox/http');
const { startSandbox } = require('../../sandbox/server');

let sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ rateLimits: { enabled: true } });
	sandbox.router.post('/api/test/l2/:max', { auth: 'apiKey', limit: { layer: 2, max: 3, windowMs: 300_000, message: 'Slow down' } }, () =>
		json(200, { ok: true }),
	);
	sandbox.router.get('/api/test/l2read', { auth: 'apiKey', limit: { layer: 2, max: 100, windowMs: 60_000 } }, () => json(200, {}));
	sandbox.router.get('/api/test/l3', { auth: 'agents', limit: { layer: 3, max: 2, windowMs: 60_000 } }, () => json(200, []));
	sandbox.router.patch('/api/test/csrf', { auth: 'apiKey', csrf: true }, () => json(200, { ok: true }));
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.limiter.reset());

const call = (path, { key = sandbox.apiKey, method = 'GET', headers = {}, body } = {}) =>
	fetch(sandbox.url + path, {
		method,
		headers: { ...(key ? { Authorization: `Bearer ${key}` } : {}), ...headers },
		body,
	});
const answer = async (response) => ({ status: response.status, body: await response.json() });

describe('auth', () => {
	test('profile capabilities with a good key', async () => {
		expect(await answer(await call('/api/profile-capabilities'))).toEqual({ status: 200, body: { profileCapabilities: [] } });
	});
	test('no header, a bad key, a lowercase bearer: the real bodies', async () => {
		expect(await answer(await call('/api/profile-capabilities', { key: null }))).toEqual({
			status: 401,
			body: { error: 'Authorization header with Bearer token is required' },
		});
		expect(await answer(await call('/api/profile-capabilities', { key: 'nope' }))).toEqual({ status: 401, body: { error: 'Invalid API key' } });
		const lower = await call('/api/profile-capabilities', { key: null, headers: { Authorization: `bearer ${sandbox.apiKey}` } });
		expect(lower.status).toBe(401);
		expect(await answer(await call('/api/test/l3', { key: null }))).toEqual({ status: 401, body: { error: 'Authentication required' } });
	});
	test('an unknown path is an HTML 404 page, a wrong method an empty 405', async () => {
		const missing = await call('/api/nothing-here');
		expect(missing.status).toBe(404);
		expect(missing.headers.get('content-type')).toMatch(/text\/html/);
		const wrongMethod = await call('/api/profile-capabilities', { method: 'DELETE' });
		expect(wrongMethod.status).toBe(405);
		expect(await wrongMethod.text()).toBe('');
		expect(wrongMethod.headers.get('allow')).toBeNull();
	});
});

describe('rate limits', () => {
	test('layer 1: the 101st request to one path in a minute, without Retry-After', async () => {
		for (let i = 0; i < 100; i++) expect((await call('/api/profile-capabilities')).status).toBe(200);
		const refused = await call('/api/profile-capabilities');
		expect(await answer(refused)).toEqual({
			status: 429,
			body: { error: 'Too many requests. Please try again later.', code: 'RATE_LIMIT_EXCEEDED' },
		});
		expect(refused.headers.get('retry-after')).toBeNull();
	});

	test('layer 2: one counter per key; the route compares with its own max; Retry-After and an ISO reset', async () => {
		// Three reads open a 60 s window; the write route allows 3, so it is refused at once.
		for (let i = 0; i < 3; i++) expect((await call('/api/test/l2read')).status).toBe(200);
		const refused = await call('/api/test/l2/3', { method: 'POST' });
		const { status, body } = await answer(refused);
		expect(status).toBe(429);
		expect(body.error).toBe('Slow down');
		expect(body.retryAfter).toBeGreaterThan(0);
		expect(body.retryAfter).toBeLessThanOrEqual(60);
		expect(refused.headers.get('retry-after')).toBe(String(body.retryAfter));
		expect(refused.headers.get('x-ratelimit-limit')).toBe('3');
		expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
		expect(refused.headers.get('x-ratelimit-reset')).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);
		// Bad keys use up the same quota as good ones (checked before auth): another key has its own.
		expect((await call('/api/test/l2/3', { method: 'POST', key: 'other' })).status).toBe(401);
	});

	test('the window ends with the clock', async () => {
		for (let i = 0; i < 3; i++) await call('/api/test/l2/3', { method: 'POST' });
		expect((await call('/api/test/l2/3', { method: 'POST' })).status).toBe(429);
		sandbox.clock.advance(301_000);
		expect((await call('/api/test/l2/3', { method: 'POST' })).status).toBe(200);
	});

	test('layer 3: per path, "Too many requests" with retryAfter', async () => {
		expect((await call('/api/test/l3')).status).toBe(200);
		expect((await call('/api/test/l3')).status).toBe(200);
		const { status, body } = await answer(await call('/api/test/l3'));
		expect(status).toBe(429);
		expect(body).toEqual({ error: 'Too many requests', retryAfter: expect.any(Number) });
	});
});

describe('CSRF on PATCH', () => {
	const patch = (headers) =>
		call('/api/test/csrf', { method: 'PATCH', headers: { 'Content-Type': 'application/json', ...headers }, body: '{}' });
	test('no Origin → 403 CSRF_INVALID_ORIGIN, before auth', async () => {
		const response = await fetch(`${sandbox.url}/api/test/csrf`, { method: 'PATCH', body: '{}', headers: { 'Content-Type': 'application/json' } });
		expect(await answer(response)).toEqual({ status: 403, body: { error: 'Invalid request origin', code: 'CSRF_INVALID_ORIGIN' } });
	});
	test('Origin without X-Requested-With → 403 CSRF_MISSING_HEADER', async () => {
		expect(await answer(await patch({ Origin: 'https://plugged.in' }))).toEqual({
			status: 403,
			body: { error: 'Missing required header for JSON requests', code: 'CSRF_MISSING_HEADER' },
		});
	});
	test('a foreign origin is refused; plugged.in, the server itself and a Referer pass', async () => {
		expect((await patch({ Origin: 'https://evil.example', 'X-Requested-With': 'x' })).status).toBe(403);
		expect((await patch({ Origin: 'https://plugged.in', 'X-Requested-With': 'x' })).status).toBe(200);
		expect((await patch({ Origin: sandbox.url, 'X-Requested-With': 'XMLHttpRequest' })).status).toBe(200);
		expect((await patch({ Referer: `${sandbox.url}/library`, 'X-Requested-With': '1' })).status).toBe(200);
	});
});

describe('faults', () => {
	test('each mode is what a client sees from a misbehaving deployment', async () => {
		const seen = {};
		for (const mode of ['429', '429-no-retry-after', '500', '502', '503', 'malformed', 'html']) {
			sandbox.faults.script({ mode });
			const response = await call('/api/profile-capabilities');
			seen[mode] = [response.status, response.headers.get('retry-after'), (await response.text()).slice(0, 15)];
		}
		expect(seen).toEqual({
			429: [429, '1', '{"error":"Too m'],
			'429-no-retry-after': [429, null, '{"error":"Too m'],
			500: [500, null, '{"error":"Inter'],
			502: [502, null, '<!DOCTYPE html>'],
			503: [503, null, '<!DOCTYPE html>'],
			malformed: [200, null, '{"success":true'],
			html: [502, null, '<!DOCTYPE html>'],
		});
		sandbox.faults.script({ mode: 'reset' });
		await expect(call('/api/profile-capabilities')).rejects.toThrow();
	});

	test('random faults follow their ratios, reproducibly from the seed', async () => {
		const other = await startSandbox({ faults: { ratios: { 500: 0.5 }, seed: 7 } });
		try {
			const statuses = [];
			for (let i = 0; i < 40; i++) statuses.push((await fetch(`${other.url}/api/profile-capabilities`, { headers: { Authorization: `Bearer ${other.apiKey}` } })).status);
			const failures = statuses.filter((status) => status === 500).length;
			expect(failures).toBeGreaterThan(10);
			expect(failures).toBeLessThan(30);
			expect(other.faults.injected['500']).toBe(failures);
		} finally {
			await other.stop();
		}
	});
});

test('npm run sandbox: --port and --api-key, or SANDBOX_PORT and SANDBOX_API_KEY', async () => {
	const start = (args, env) =>
		new Promise((resolve, reject) => {
			const child = spawn(process.execPath, [path.join(__dirname, '../../sandbox/cli.js'), ...args], { env: { ...process.env, ...env } });
			let out = '';
			child.stdout.on('data', (chunk) => {
				out += chunk;
				const url = /listening on (\S+)/.exec(out)?.[1];
				const key = /API key: (\S+)/.exec(out)?.[1];
				if (url && key) resolve({ child, url, key });
			});
			child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
		});
	for (const [args, env] of [
		[['--port', '0', '--api-key', 'pg_in_cli'], {}],
		[[], { SANDBOX_PORT: '0', SANDBOX_API_KEY: 'pg_in_cli' }],
	]) {
		const { child, url, key } = await start(args, env);
		try {
			expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
			expect(key).toBe('pg_in_cli');
			const response = await fetch(`${url}/api/profile-capabilities`, { headers: { Authorization: 'Bearer pg_in_cli' } });
			expect(response.status).toBe(200);
		} finally {
			child.kill();
		}
	}
});
