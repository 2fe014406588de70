'use strict';
// The sandbox's clipboard routes answer as the real server does (contract §4, §8 first), over plain HTTP.
const { Sandbox } = require('../../sandbox/server');
const { useSandbox } = require('../harness/sandbox');
const { storedEntries, emptyClipboard } = require('./node');

const fixture = useSandbox({ rateLimits: { enabled: true } }, { reset: emptyClipboard });
const DATABASE_TEXT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?\+00$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

async function call(method, path, body, headers = {}) {
	const response = await fetch(fixture.sandbox.url + path, {
		method,
		headers: { Authorization: `Bearer ${fixture.sandbox.apiKey}`, 'Content-Type': 'application/json', ...headers },
		body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
	});
	const text = await response.text();
	return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}
const set = (body) => call('POST', '/api/clipboard', body);
const push = (body) => call('POST', '/api/clipboard/push', body);

describe('list and get', () => {
	test('list: newest createdAt first, {entries,total,limit:50,offset:0}, image values cut to 1000 characters', async () => {
		await set({ name: 'old', value: 'a' });
		fixture.sandbox.clock.advance(1000);
		await set({ name: 'image', value: 'A'.repeat(1200), contentType: 'image/png', encoding: 'base64' });
		const { status, body } = await call('GET', '/api/clipboard');
		expect(status).toBe(200);
		expect(Object.keys(body).sort()).toEqual(['entries', 'limit', 'offset', 'total']);
		expect(body).toMatchObject({ total: 2, limit: 50, offset: 0 });
		expect(body.entries.map((entry) => entry.name)).toEqual(['image', 'old']);
		expect(body.entries[0].value).toHaveLength(1000);
		expect(body.entries[0].sizeBytes).toBe(1200);
		expect(body).not.toHaveProperty('success');
	});

	test('limit over 1000 or under 1 → 400 "Invalid parameters" with zod raw issues', async () => {
		const { status, body } = await call('GET', '/api/clipboard?limit=1001');
		expect(status).toBe(400);
		expect(body.error).toBe('Invalid parameters');
		expect(body.details[0]).toMatchObject({ code: 'too_big', maximum: 1000, path: ['limit'] });
		expect((await call('GET', '/api/clipboard?limit=0')).status).toBe(400);
	});

	test('get: name and idx together must both match; unknown → 404 "Clipboard entry not found"', async () => {
		await set({ name: 'both', idx: 3, value: 'v' });
		expect((await call('GET', '/api/clipboard?name=both&idx=3')).body.entry.value).toBe('v');
		const miss = await call('GET', '/api/clipboard?name=both&idx=4');
		expect(miss).toMatchObject({ status: 404, body: { error: 'Clipboard entry not found' } });
		expect(Object.keys((await call('GET', '/api/clipboard?idx=3')).body)).toEqual(['entry']);
	});
});

describe('set', () => {
	test('200 (not 201) {success, entry}; defaults: text/plain, utf-8, private, source ui, TTL 24 h', async () => {
		const { status, body } = await set({ name: 'n', value: 'v' });
		expect(status).toBe(200);
		expect(body.success).toBe(true);
		expect(body.entry).toMatchObject({
			contentType: 'text/plain',
			encoding: 'utf-8',
			visibility: 'private',
			source: 'ui',
		});
		expect(body.entry.createdAt).toMatch(ISO);
		expect(Date.parse(body.entry.expiresAt) - Date.parse(body.entry.createdAt)).toBe(24 * 3600 * 1000);
	});

	test('named set upserts: same uuid and createdAt, new value and updatedAt; idx untouched', async () => {
		const first = await set({ name: 'n', idx: 4, value: 'one' });
		fixture.sandbox.clock.advance(5000);
		const second = await set({ name: 'n', value: 'two', ttlSeconds: 10 });
		expect(second.body.entry).toMatchObject({ uuid: first.body.entry.uuid, idx: 4, value: 'two' });
		expect(second.body.entry.createdAt).toBe(first.body.entry.createdAt);
		expect(Date.parse(second.body.entry.updatedAt) - Date.parse(first.body.entry.updatedAt)).toBeGreaterThanOrEqual(
			5000,
		);
		expect(storedEntries(fixture.sandbox)).toHaveLength(1);
	});

	test('idx only, taken → 409 with the server text; a new name on a taken idx → 500', async () => {
		await push({ value: 'p' });
		expect(await set({ idx: 0, value: 'x' })).toMatchObject({
			status: 409,
			body: { error: 'Conflict with existing entry. Use push for auto-increment or delete first.' },
		});
		expect(await set({ name: 'fresh', idx: 0, value: 'x' })).toMatchObject({
			status: 500,
			body: { error: 'Internal server error' },
		});
	});

	test('no name nor idx, a bad source, a non-positive TTL → 400 "Invalid request body" with raw issues', async () => {
		const neither = await set({ value: 'v' });
		expect(neither).toMatchObject({ status: 400, body: { error: 'Invalid request body' } });
		expect(neither.body.details).toEqual([
			{ code: 'custom', message: 'Either name or idx must be provided', path: [] },
		]);
		const source = await set({ name: 'n', value: 'v', source: 'n8n' });
		expect(source.body.details[0]).toMatchObject({ code: 'invalid_enum_value', path: ['source'] });
		const ttl = await set({ name: 'n', value: 'v', ttlSeconds: 0 });
		expect(ttl.body.details[0]).toMatchObject({ code: 'too_small', path: ['ttlSeconds'] });
	});

	test('size and encoding checks → 400 with the server messages', async () => {
		expect((await set({ name: 'n', value: 'a'.repeat(2_097_153) })).body).toEqual({
			error: 'Value exceeds maximum size of 2097152 bytes (2048KB)',
		});
		expect((await set({ name: 'n', value: 'a'.repeat(2_097_152) })).status).toBe(200);
		expect((await set({ name: 'n', value: 'abc', encoding: 'base64' })).body.error).toBe(
			'Invalid base64 encoding: incorrect padding',
		);
		expect((await set({ name: 'n', value: 'abc', encoding: 'hex' })).body.error).toBe(
			'Invalid hex encoding: odd number of characters',
		);
	});

	test('malformed or empty JSON → 500 "Internal server error"', async () => {
		expect(await set('{"name":')).toMatchObject({ status: 500, body: { error: 'Internal server error' } });
		expect(await call('POST', '/api/clipboard')).toMatchObject({ status: 500 });
	});
});

describe('push and pop', () => {
	test('push: idx from 0, max idx (expired rows included) + 1, name ignored, timestamps as database text', async () => {
		const first = await push({ name: 'ignored', value: 'a', ttlSeconds: 1 });
		expect(first.body.entry).toMatchObject({ idx: 0, name: null, source: 'ui' });
		for (const field of ['createdAt', 'updatedAt', 'expiresAt']) expect(first.body.entry[field]).toMatch(DATABASE_TEXT);
		fixture.sandbox.clock.advance(10_000);
		expect((await push({ value: 'b' })).body.entry.idx).toBe(1);
		await set({ idx: 10, value: 'manual' });
		expect((await push({ value: 'c' })).body.entry.idx).toBe(11);
	});

	test('pop: highest idx, deleted, name null and no source, database-text timestamps; empty → 404', async () => {
		await push({ value: 'a' });
		await push({ value: 'b' });
		await set({ name: 'named', value: 'not on the stack' });
		const popped = await call('POST', '/api/clipboard/pop');
		expect(popped.status).toBe(200);
		expect(popped.body.success).toBe(true);
		expect(popped.body.entry).toMatchObject({ idx: 1, value: 'b' });
		expect(popped.body.entry).not.toHaveProperty('source');
		expect(popped.body.entry.name).toBeNull();
		expect(popped.body.entry.createdAt).toMatch(DATABASE_TEXT);
		await call('POST', '/api/clipboard/pop');
		expect(await call('POST', '/api/clipboard/pop')).toMatchObject({
			status: 404,
			body: { error: 'No indexed entries to pop' },
		});
		expect(storedEntries(fixture.sandbox).map((row) => row.name)).toEqual(['named']);
	});

	test('database text reads back as the same instant as the ISO form', async () => {
		const pushed = (await push({ value: 'a' })).body.entry;
		const listed = (await call('GET', '/api/clipboard?idx=0')).body.entry;
		const asIso = pushed.createdAt
			.replace(' ', 'T')
			.replace(/(\.\d{3})\d*/, '$1')
			.replace(/\+00$/, 'Z');
		expect(asIso).toBe(listed.createdAt);
	});
});

describe('delete', () => {
	test('by name or idx → {success, deleted}; both must match; unknown → 404', async () => {
		await set({ name: 'a', value: '1' });
		await push({ value: '2' });
		expect((await call('DELETE', '/api/clipboard', { name: 'a', idx: 0 })).status).toBe(404);
		expect((await call('DELETE', '/api/clipboard', { idx: 0 })).body).toEqual({ success: true, deleted: 1 });
		expect((await call('DELETE', '/api/clipboard', { name: 'a' })).body).toEqual({ success: true, deleted: 1 });
		expect(await call('DELETE', '/api/clipboard', { name: 'a' })).toMatchObject({
			status: 404,
			body: { error: 'Clipboard entry not found' },
		});
	});

	test('{} → 400 with the details message; clearAll → {success, deleted: N}', async () => {
		const empty = await call('DELETE', '/api/clipboard', {});
		expect(empty.status).toBe(400);
		expect(empty.body).toEqual({
			error: 'Invalid request body',
			details: [{ code: 'custom', message: 'Either name, idx, or clearAll must be provided', path: [] }],
		});
		await set({ name: 'a', value: '1' });
		await push({ value: '2' });
		expect((await call('DELETE', '/api/clipboard', { clearAll: true })).body).toEqual({ success: true, deleted: 2 });
		expect((await call('DELETE', '/api/clipboard', { clearAll: true })).body).toEqual({ success: true, deleted: 0 });
	});
});

describe('auth, ownership and rate limits', () => {
	test('no key → 401; entries are per profile', async () => {
		const response = await fetch(`${fixture.sandbox.url}/api/clipboard`);
		expect(response.status).toBe(401);
		expect(await response.json()).toEqual({ error: 'Authorization header with Bearer token is required' });
		await set({ name: 'mine', value: 'v' });
		expect(fixture.sandbox.clipboard.entriesOf('profile-other')).toEqual([]);
	});

	test('DELETE and pop: 30 per minute; the 31st → 429 with the server message and headers', async () => {
		for (let i = 0; i < 30; i++) await call('POST', '/api/clipboard/pop');
		const limited = await call('DELETE', '/api/clipboard', { clearAll: true });
		expect(limited.status).toBe(429);
		expect(limited.body).toEqual({ error: 'Too many clipboard delete requests. Please slow down.', retryAfter: 60 });
		expect(limited.headers.get('retry-after')).toBe('60');
		expect(limited.headers.get('x-ratelimit-limit')).toBe('30');
		fixture.sandbox.clock.advance(60_000);
		expect((await call('DELETE', '/api/clipboard', { clearAll: true })).status).toBe(200);
	});

	test('one counter per key: 60 writes fill the write budget, 40 reads then fill the read budget', async () => {
		for (let i = 0; i < 60; i++) await push({ value: String(i) });
		expect((await push({ value: 'x' })).body.error).toBe('Too many clipboard write requests. Please slow down.');
		for (let i = 0; i < 40; i++) expect((await call('GET', '/api/clipboard?limit=1')).status).toBe(200);
		expect((await call('GET', '/api/clipboard?limit=1')).body.error).toBe(
			'Too many clipboard read requests. Please slow down.',
		);
	});
});

test('seed(): three named entries and a two-entry stack for demos', () => {
	const seeded = new Sandbox({ seed: true });
	const rows = seeded.clipboard.entriesOf('profile-sandbox');
	expect(rows.filter((row) => row.name).map((row) => row.name)).toEqual([
		'user_preferences',
		'session_notes',
		'logo_png',
	]);
	expect(rows.filter((row) => row.idx !== null).map((row) => row.value)).toEqual(['Step 1 result', 'Step 2 result']);
});
