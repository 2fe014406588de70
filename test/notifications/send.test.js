'use strict';
// Send: the create route answers without an id, so the node reads the list before and after.
const { CREATE, ISO_Z, LIST, run, stored, useSandbox } = require('./fixture');

const fixture = useSandbox();
const send = (extra = {}) => ({ operation: 'send', message: 'Build failed', ...extra });

test('outputs the created notification as the list shows it, found by a read before and after', async () => {
	const { sandbox } = fixture;
	sandbox.notifications.insert('profile-sandbox', {
		type: 'CUSTOM',
		message: 'Build failed',
		title: 'Custom notification',
	});
	const { items, error } = await run(sandbox, send({ title: 'CI', severity: 'ALERT' }));
	expect(error).toBeUndefined();
	const [row] = stored(sandbox).slice(-1);
	expect(items).toHaveLength(1);
	expect(items[0].pairedItem).toEqual({ item: 0 });
	expect(items[0].json).toMatchObject({
		id: row.id,
		identified: true,
		type: 'CUSTOM',
		title: 'CI',
		message: 'Build failed',
		severity: 'ALERT',
		read: false,
		completed: false,
	});
	expect(items[0].json.created_at).toMatch(ISO_Z);
	expect(items[0].json).not.toHaveProperty('emailSent');
	expect(sandbox.log.map((entry) => `${entry.method} ${entry.path}${entry.query}`)).toEqual([
		`GET ${LIST}?onlyUnread=false&limit=20`,
		`POST ${CREATE}`,
		`GET ${LIST}?onlyUnread=false&limit=20`,
	]);
});

test('defaults: severity INFO, the server’s title; Send Email reports emailSent; "alert" from an expression is ALERT', async () => {
	const { sandbox } = fixture;
	const plain = await run(sandbox, send());
	expect(plain.items[0].json).toMatchObject({ title: 'Custom notification', severity: 'INFO', identified: true });
	const mailed = await run(sandbox, send({ sendEmail: true, severity: '={{ "alert" }}' }));
	expect(mailed.items[0].json).toMatchObject({ severity: 'ALERT', emailSent: false, identified: true });
});

test('one notification per item; each output is its own notification', async () => {
	const { sandbox } = fixture;
	const { items } = await run(sandbox, send({ message: '={{ $json.text }}' }), {
		items: [{ text: 'first' }, { text: 'second' }, { text: 'third' }],
	});
	expect(items.map((item) => [item.json.message, item.pairedItem.item])).toEqual([
		['first', 0],
		['second', 1],
		['third', 2],
	]);
	expect(new Set(items.map((item) => item.json.id)).size).toBe(3);
	expect(sandbox.count('POST', CREATE)).toBe(3);
});

test('identical messages sent in sequence are each identified (the read before tells them apart)', async () => {
	const { sandbox } = fixture;
	const { items } = await run(sandbox, send(), { items: [{}, {}] });
	expect(items.every((item) => item.json.identified)).toBe(true);
	expect(items[0].json.id).not.toBe(items[1].json.id);
});

test('identical messages in parallel cannot be told apart: identified false, the candidates, a clear reason', async () => {
	const { sandbox } = fixture;
	const { items } = await run(sandbox, send({ options: { parallel: 2 } }), { items: [{}, {}] });
	expect(stored(sandbox)).toHaveLength(2);
	for (const item of items) {
		expect(item.json).toMatchObject({ identified: false, message: 'Build failed', type: 'CUSTOM' });
		expect(item.json.reason).toMatch(/2 notifications with the same title, message and severity/);
		expect(item.json.reason).toMatch(/Do not send it again/);
		expect(item.json.candidateIds.sort()).toEqual(
			stored(sandbox)
				.map((row) => row.id)
				.sort(),
		);
	}
});

test('a 5xx after the server applied it: found by the read-back, with a note; not sent again', async () => {
	const { sandbox } = fixture;
	sandbox.faults.script({ mode: '500', method: 'POST', path: /custom$/, phase: 'after' });
	const failing = await run(sandbox, send({ options: { maxRetries: 0 } }));
	expect(failing.error).toBeUndefined();
	expect(failing.items[0].json).toMatchObject({ identified: true });
	expect(failing.items[0].json.note).toMatch(/was not sent again/);
	expect(sandbox.count('POST', CREATE)).toBe(1);
});

test('a 5xx before the server applied it: an error saying it may have been applied, sent once', async () => {
	const { sandbox } = fixture;
	sandbox.faults.script({ mode: '500', method: 'POST', path: /custom$/, phase: 'before' });
	const { error } = await run(sandbox, send());
	expect(error.message).toMatch(/Internal server error/);
	expect(error.description).toMatch(/may already have been applied/);
	expect(sandbox.count('POST', CREATE)).toBe(1);
	expect(stored(sandbox)).toHaveLength(0);
});

test('a lost connection after the server applied it: found by the read-back, not sent again', async () => {
	const { sandbox } = fixture;
	sandbox.faults.script({ mode: 'reset', method: 'POST', path: /custom$/, phase: 'after' });
	const { items, error } = await run(sandbox, send());
	expect(error).toBeUndefined();
	expect(items[0].json).toMatchObject({ identified: true, message: 'Build failed' });
	expect(sandbox.count('POST', CREATE)).toBe(1);
	expect(stored(sandbox)).toHaveLength(1);
});

test('a 429 is waited out and sent again (the server did nothing)', async () => {
	const { sandbox } = fixture;
	sandbox.faults.script({ mode: '429', retryAfter: '0', method: 'POST', path: /custom$/ });
	const { items } = await run(sandbox, send());
	expect(items[0].json.identified).toBe(true);
	expect(sandbox.count('POST', CREATE)).toBe(2);
	expect(stored(sandbox)).toHaveLength(1);
});

test('the list read after the send failing leaves identified false with the reason', async () => {
	const { sandbox } = fixture;
	let gets = 0;
	const choose = sandbox.faults.choose.bind(sandbox.faults);
	sandbox.faults.choose = (method, path) =>
		method === 'GET' && path === LIST && ++gets > 1 ? { mode: '500', phase: 'before' } : choose(method, path);
	try {
		const { items, error } = await run(sandbox, send({ options: { maxRetries: 0 } }));
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ identified: false, message: 'Build failed' });
		expect(items[0].json.reason).toMatch(/reading the list back failed/);
		expect(stored(sandbox)).toHaveLength(1);
	} finally {
		sandbox.faults.choose = choose;
	}
});

describe('checked before anything is sent', () => {
	test.each([
		[{ message: '={{ "" }}' }, /"Message" \(message\): must not be empty/],
		[{ message: '   ' }, /"Message" \(message\): must not be empty/],
		[{ message: '={{ { a: 1 } }}' }, /"Message" \(message\): must be text/],
		[{ severity: 'LOUD' }, /"Severity" \(severity\)/],
	])('%j', async (parameters, message) => {
		const { sandbox } = fixture;
		const { error } = await run(sandbox, send(parameters));
		expect(error.message).toMatch(message);
		expect(error.message).toMatch(/\[item 0\]/);
		expect(sandbox.log).toHaveLength(0);
	});

	test('with Continue On Fail a bad item becomes an error item; the others are sent', async () => {
		const { sandbox } = fixture;
		const { items } = await run(sandbox, send({ message: '={{ $json.text }}' }), {
			items: [{ text: 'ok' }, { text: '' }],
			continueOnFail: true,
		});
		expect(items[0].json.message).toBe('ok');
		expect(items[1].json.error.message).toMatch(/must not be empty/);
		expect(items[1].pairedItem).toEqual({ item: 1 });
		expect(sandbox.count('POST', CREATE)).toBe(1);
	});
});
