'use strict';
// Get Many, Mark as Read, Set Completed, Delete and the Notification picker, through the real engine.
const { PluggedInNotifications } = require('../../nodes/PluggedInNotifications/PluggedInNotifications.node');
const { loadOptionsContext } = require('../harness/loadOptions');
const { ISO_Z, LIST, byId, insertNotifications, run, stored, useSandbox } = require('./fixture');

const fixture = useSandbox();
const UNKNOWN = '3f2b9c4e-8a1d-4e5f-9b6a-0c1d2e3f4a5b';
const messages = (items) => items.map((item) => item.json.message);
const requests = (sandbox) => sandbox.log.map((entry) => `${entry.method} ${entry.path}${entry.query}`);

describe('Get Many', () => {
	test('newest first, Limit sent as the server’s limit, Simplify leaves out profile and metadata', async () => {
		const { sandbox } = fixture;
		insertNotifications(sandbox, 5);
		const { items } = await run(sandbox, { operation: 'getMany', limit: 3 });
		expect(messages(items)).toEqual(['note 4', 'note 3', 'note 2']);
		expect(Object.keys(items[0].json).sort()).toEqual(
			['completed', 'created_at', 'expires_at', 'id', 'link', 'message', 'read', 'severity', 'title', 'type'].sort(),
		);
		expect(items[0].json.created_at).toMatch(ISO_Z);
		expect(items.map((item) => item.pairedItem.item)).toEqual([0, 0, 0]);
		expect(requests(sandbox)).toEqual([`GET ${LIST}?onlyUnread=false&limit=3`]);
		const full = await run(sandbox, { operation: 'getMany', limit: 1, simplify: false });
		expect(full.items[0].json).toHaveProperty('metadata');
		expect(full.items[0].json).toHaveProperty('profile_uuid');
	});

	test('Return All reads the server’s cap of 100 in one request: no paging pretended', async () => {
		const { sandbox } = fixture;
		insertNotifications(sandbox, 130);
		const { items } = await run(sandbox, { operation: 'getMany', returnAll: true });
		expect(items).toHaveLength(100);
		expect(items[0].json.message).toBe('note 129');
		expect(requests(sandbox)).toEqual([`GET ${LIST}?onlyUnread=false&limit=100`]);
	});

	test('Only Unread is the server’s filter; type, severity and completed are applied to the newest 100, then Limit', async () => {
		const { sandbox } = fixture;
		const rows = insertNotifications(sandbox, 6, { type: 'CUSTOM' });
		rows[5].read = true;
		rows[4].type = 'document_created_ai';
		rows[3].severity = 'ALERT';
		rows[2].severity = 'ALERT';
		rows[2].completed = true;
		rows[1].severity = 'ALERT';
		expect(messages((await run(sandbox, { operation: 'getMany', onlyUnread: true, limit: 2 })).items)).toEqual([
			'note 4',
			'note 3',
		]);
		const filtered = await run(sandbox, {
			operation: 'getMany',
			limit: 2,
			filters: { types: ['CUSTOM'], severities: ['ALERT'], completed: false },
		});
		expect(messages(filtered.items)).toEqual(['note 3', 'note 1']);
		expect(sandbox.log.slice(-1)[0].query).toBe('?onlyUnread=false&limit=100');
	});

	test('a limit over 100 is refused before sending', async () => {
		const { sandbox } = fixture;
		const { error } = await run(sandbox, { operation: 'getMany', limit: 150 });
		expect(error.message).toMatch(/"Limit" \(limit\)/);
		expect(sandbox.log).toHaveLength(0);
	});
});

describe('Mark as Read', () => {
	test('marks it read; doing it again is the same', async () => {
		const { sandbox } = fixture;
		const [row] = insertNotifications(sandbox, 1);
		for (let i = 0; i < 2; i++) {
			const { items } = await run(sandbox, { operation: 'markAsRead', notificationId: byId(row.id) });
			expect(items[0].json).toEqual({ id: row.id, read: true });
		}
		expect(row.read).toBe(true);
	});

	test('an unknown id is an error with the server’s words; a non-UUID is refused before sending', async () => {
		const { sandbox } = fixture;
		const unknown = await run(sandbox, { operation: 'markAsRead', notificationId: byId(UNKNOWN) });
		expect(unknown.error.message).toBe('Plugged.in: Notification not found or not accessible');
		expect(unknown.error.description).toMatch(new RegExp(`found no notification ${UNKNOWN}`));
		sandbox.log.length = 0;
		const bad = await run(sandbox, { operation: 'markAsRead', notificationId: byId('={{ "12" }}') });
		expect(bad.error.message).toMatch(/"Notification" \(notificationId\): "12" is not a notification ID/);
		expect(sandbox.log).toHaveLength(0);
	});

	test('retried after a 5xx: marking read is safe to repeat', async () => {
		const { sandbox } = fixture;
		const [row] = insertNotifications(sandbox, 1);
		sandbox.faults.script({ mode: '500', method: 'PATCH', path: /\/read$/, phase: 'after' });
		const { items } = await run(sandbox, { operation: 'markAsRead', notificationId: byId(row.id) });
		expect(items[0].json.read).toBe(true);
		expect(sandbox.count('PATCH')).toBe(2);
	});
});

describe('Set Completed', () => {
	const setCompleted = (id, completed) => ({ operation: 'setCompleted', notificationId: byId(id), completed });

	test('toggles only when needed: running it twice gives the same result', async () => {
		const { sandbox } = fixture;
		const [row] = insertNotifications(sandbox, 1);
		const first = await run(sandbox, setCompleted(row.id, true));
		expect(first.items[0].json).toMatchObject({ id: row.id, completed: true, changed: true });
		const second = await run(sandbox, setCompleted(row.id, true));
		expect(second.items[0].json).toMatchObject({ id: row.id, completed: true, changed: false });
		expect(row.completed).toBe(true);
		expect(sandbox.count('PATCH')).toBe(1);
		const reopened = await run(sandbox, setCompleted(row.id, false));
		expect(reopened.items[0].json).toMatchObject({ completed: false, changed: true });
		expect(row.completed).toBe(false);
	});

	test('an old notification (beyond the newest 100) that is still unread is found in the unread list', async () => {
		const { sandbox } = fixture;
		const [old] = insertNotifications(sandbox, 1, { start: Date.now() - 3_600_000 });
		insertNotifications(sandbox, 120, { read: true });
		const { items } = await run(sandbox, setCompleted(old.id, true));
		expect(items[0].json.changed).toBe(true);
		expect(old.completed).toBe(true);
		expect(requests(sandbox).filter((line) => line.startsWith('GET'))).toEqual([
			`GET ${LIST}?onlyUnread=false&limit=100`,
			`GET ${LIST}?onlyUnread=true&limit=100`,
		]);
	});

	test('a missing id, and one whose state cannot be read, are errors that changed nothing', async () => {
		const { sandbox } = fixture;
		const missing = await run(sandbox, setCompleted(UNKNOWN, true));
		expect(missing.error.message).toBe(`Plugged.in has no notification ${UNKNOWN}`);
		const [old] = insertNotifications(sandbox, 1, { start: Date.now() - 3_600_000, read: true });
		insertNotifications(sandbox, 100);
		const hidden = await run(sandbox, setCompleted(old.id, true));
		expect(hidden.error.message).toMatch(/is not among the newest 100 notifications/);
		expect(hidden.error.description).toMatch(/can only toggle/);
		expect(sandbox.count('PATCH')).toBe(0);
	});

	test('a toggle whose answer was lost is not sent again; it succeeds when the list shows it applied', async () => {
		const { sandbox } = fixture;
		const [row] = insertNotifications(sandbox, 1);
		sandbox.faults.script({ mode: '500', method: 'PATCH', path: /\/completed$/, phase: 'after' });
		const applied = await run(sandbox, setCompleted(row.id, true));
		expect(applied.items[0].json).toMatchObject({ completed: true, changed: true });
		sandbox.faults.script({ mode: '500', method: 'PATCH', path: /\/completed$/, phase: 'before' });
		const notApplied = await run(sandbox, setCompleted(row.id, false));
		expect(notApplied.error.description).toMatch(/Running Set Completed again is safe/);
		expect(row.completed).toBe(true);
		expect(sandbox.count('PATCH')).toBe(2);
	});
});

describe('Delete', () => {
	const remove = (id) => ({ operation: 'delete', notificationId: byId(id) });

	test('an existing notification: deleted, the output is what it was', async () => {
		const { sandbox } = fixture;
		const [row] = insertNotifications(sandbox, 1);
		const { items } = await run(sandbox, remove(row.id));
		expect(items[0].json).toMatchObject({ id: row.id, message: 'note 0', deleted: true, existed: true });
		expect(stored(sandbox)).toHaveLength(0);
	});

	test('an id that does not exist: said so, and nothing is sent (the server would answer 200)', async () => {
		const { sandbox } = fixture;
		insertNotifications(sandbox, 3);
		const { items } = await run(sandbox, remove(UNKNOWN));
		expect(items[0].json).toMatchObject({ id: UNKNOWN, deleted: false, existed: false });
		expect(items[0].json.reason).toMatch(/no notification with this ID/);
		expect(sandbox.count('DELETE')).toBe(0);
	});

	test('beyond the newest 100 and read: sent, and the output says existence cannot be known', async () => {
		const { sandbox } = fixture;
		const [old] = insertNotifications(sandbox, 1, { start: Date.now() - 3_600_000, read: true });
		insertNotifications(sandbox, 100);
		const { items } = await run(sandbox, remove(old.id));
		expect(items[0].json).toMatchObject({ id: old.id, deleted: true, existed: null });
		expect(items[0].json.reason).toMatch(/cannot be known/);
		expect(stored(sandbox)).toHaveLength(100);
	});
});

test('the Notification picker lists the newest, filtered by title or message', async () => {
	const { sandbox } = fixture;
	insertNotifications(sandbox, 2, { title: 'Deploy' });
	sandbox.notifications.insert('profile-sandbox', { title: 'Billing', message: 'Invoice ready', read: true });
	const search = new PluggedInNotifications().methods.listSearch.searchNotifications;
	const context = loadOptionsContext(sandbox, 'pluggedInNotifications');
	const all = await search.call(context);
	expect(all.results.map((result) => result.name)).toEqual([
		'Billing: Invoice ready',
		'Deploy: note 1 (unread)',
		'Deploy: note 0 (unread)',
	]);
	const found = await search.call(context, 'invoice');
	expect(found.results).toEqual([
		{ name: 'Billing: Invoice ready', value: stored(sandbox)[2].id, url: `${sandbox.url}/notifications` },
	]);
});
