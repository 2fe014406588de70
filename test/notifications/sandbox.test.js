'use strict';
// The sandbox's notification routes answer as contract §5b says a running server does, quirks included.
const { CREATE, LIST, PROFILE, call, insertNotifications, stored, useSandbox } = require('./fixture');

const fixture = useSandbox();
const UNKNOWN = '3f2b9c4e-8a1d-4e5f-9b6a-0c1d2e3f4a5b';

test('create answers without an id; the list shows it newest first with the server-set fields', async () => {
	const { sandbox } = fixture;
	insertNotifications(sandbox, 1, { message: 'older' });
	const created = await call(sandbox, 'POST', CREATE, { message: 'Build failed', severity: 'ALERT' });
	expect(created).toMatchObject({ status: 200, json: { success: true, message: 'Notification created successfully' } });
	expect(created.json).not.toHaveProperty('id');
	const list = await call(sandbox, 'GET', LIST);
	expect(list.json.success).toBe(true);
	const [newest, older] = list.json.notifications;
	expect(older.message).toBe('older');
	expect(Object.keys(newest)).toEqual([
		'id',
		'profile_uuid',
		'type',
		'title',
		'message',
		'read',
		'link',
		'severity',
		'completed',
		'metadata',
		'created_at',
		'expires_at',
	]);
	expect(newest).toMatchObject({
		type: 'CUSTOM',
		title: 'Custom notification',
		message: 'Build failed',
		severity: 'ALERT',
		read: false,
		completed: false,
		link: null,
		metadata: { source: { type: 'api', profileUuid: PROFILE } },
	});
	expect(Date.parse(newest.expires_at) - Date.parse(newest.created_at)).toBe(30 * 24 * 3600 * 1000);
	expect(JSON.stringify(newest)).not.toContain(sandbox.apiKey);
});

test('sendEmail without a mail set-up: created, "email failed", emailSent false', async () => {
	const { json } = await call(fixture.sandbox, 'POST', CREATE, { message: 'x', sendEmail: true });
	expect(json).toEqual({ success: true, message: 'Notification created (email failed)', emailSent: false });
});

test('a bad body is a 400 with zod issues; malformed JSON a 500', async () => {
	const bad = await call(fixture.sandbox, 'POST', CREATE, { severity: 'BAD' });
	expect(bad.status).toBe(400);
	expect(bad.json.error).toBe('Invalid request data');
	expect(bad.json.details.map((issue) => [issue.path, issue.message])).toEqual([
		[['message'], 'Required'],
		[['severity'], "Invalid enum value. Expected 'INFO' | 'SUCCESS' | 'WARNING' | 'ALERT', received 'BAD'"],
	]);
	const malformed = await call(fixture.sandbox, 'POST', CREATE, '{"message":');
	expect(malformed).toMatchObject({ status: 500, json: { error: 'Failed to create custom notification' } });
	expect(stored(fixture.sandbox)).toHaveLength(0);
});

test('list: onlyUnread, limit 1..100 (0 and 101 are 400 with the server body)', async () => {
	const { sandbox } = fixture;
	const rows = insertNotifications(sandbox, 3);
	rows[1].read = true;
	const unread = await call(sandbox, 'GET', `${LIST}?onlyUnread=true`);
	expect(unread.json.notifications.map((n) => n.message)).toEqual(['note 2', 'note 0']);
	const limited = await call(sandbox, 'GET', `${LIST}?limit=1`);
	expect(limited.json.notifications.map((n) => n.message)).toEqual(['note 2']);
	for (const limit of [0, 101]) {
		const refused = await call(sandbox, 'GET', `${LIST}?limit=${limit}`);
		expect(refused.status).toBe(400);
		expect(refused.json).toEqual({
			error: 'Invalid query parameters',
			details: [{ code: 'custom', message: 'Limit must be between 1 and 100', path: ['limit'] }],
		});
	}
});

test('completed is a toggle; read sets read; both 404 an unknown uuid and 400 a non-uuid', async () => {
	const { sandbox } = fixture;
	const [row] = insertNotifications(sandbox, 1);
	const path = `${LIST}/${row.id}`;
	expect((await call(sandbox, 'PATCH', `${path}/completed`)).json).toEqual({
		success: true,
		message: 'Notification completed status toggled',
	});
	expect(row.completed).toBe(true);
	await call(sandbox, 'PATCH', `${path}/completed`);
	expect(row.completed).toBe(false);
	expect((await call(sandbox, 'PATCH', `${path}/read`)).json.message).toBe('Notification marked as read');
	expect(row.read).toBe(true);
	for (const action of ['read', 'completed']) {
		expect(await call(sandbox, 'PATCH', `${LIST}/${UNKNOWN}/${action}`)).toMatchObject({
			status: 404,
			json: { error: 'Notification not found or not accessible' },
		});
		expect(await call(sandbox, 'PATCH', `${LIST}/not-a-uuid/${action}`)).toMatchObject({
			status: 400,
			json: { error: 'Invalid notification ID format. Please use the UUID from the notification list.' },
		});
	}
});

test('delete answers 200 for an existing, an unknown and an already deleted id', async () => {
	const { sandbox } = fixture;
	const [row] = insertNotifications(sandbox, 1);
	for (const id of [row.id, row.id, UNKNOWN]) {
		expect(await call(sandbox, 'DELETE', `${LIST}/${id}`)).toMatchObject({
			status: 200,
			json: { success: true, message: 'Notification deleted successfully' },
		});
	}
	expect(stored(sandbox)).toHaveLength(0);
	expect((await call(sandbox, 'DELETE', `${LIST}/nope`)).status).toBe(400);
});

test('no key → 401 as every API-key route; a wrong key → Invalid API key', async () => {
	const { sandbox } = fixture;
	expect(await call(sandbox, 'GET', LIST, undefined, { key: null })).toMatchObject({
		status: 401,
		json: { error: 'Authorization header with Bearer token is required' },
	});
	expect((await call(sandbox, 'POST', CREATE, { message: 'x' }, { key: 'pg_in_wrong' })).json.error).toBe(
		'Invalid API key',
	);
});

test('an AI document created through the API writes a document_created_ai notification, as the server does', async () => {
	const { sandbox } = fixture;
	const created = await call(sandbox, 'POST', '/api/documents/ai', {
		title: 'Q3 report',
		content: '# Q3',
		metadata: { model: { name: 'claude-sonnet-4', provider: 'anthropic' } },
	});
	const [notification] = (await call(sandbox, 'GET', LIST)).json.notifications;
	expect(notification).toMatchObject({
		type: 'document_created_ai',
		title: 'AI Document Created',
		message: 'claude-sonnet-4 created "Q3 report"',
		severity: 'INFO',
		link: `/library/${created.json.documentId}`,
		expires_at: null,
		metadata: {},
	});
});

describe('with rate limits on', () => {
	const limited = useSandbox({ rateLimits: { enabled: true } });

	test('the 31st create within a minute is a 429 with Retry-After; the counter is the key’s shared one', async () => {
		const { sandbox } = limited;
		for (let i = 0; i < 30; i++) expect((await call(sandbox, 'POST', CREATE, { message: `n${i}` })).status).toBe(200);
		const refused = await call(sandbox, 'POST', CREATE, { message: 'one too many' });
		expect(refused.status).toBe(429);
		expect(refused.json.retryAfter).toBeGreaterThan(0);
		expect(refused.headers['retry-after']).toBe(String(refused.json.retryAfter));
		expect(refused.headers['x-ratelimit-limit']).toBe('30');
		expect(stored(sandbox)).toHaveLength(30);
		// Reads are not on the per-key counter.
		expect((await call(sandbox, 'GET', LIST)).status).toBe(200);
	});

	test('clipboard calls count against the same counter', async () => {
		const { sandbox } = limited;
		for (let i = 0; i < 30; i++) await call(sandbox, 'GET', '/api/clipboard');
		expect((await call(sandbox, 'POST', CREATE, { message: 'x' })).status).toBe(429);
	});
});
