'use strict';
// Plugged.in Trigger → New Notification: the newest 100 each poll, a watermark on created_at and the
// ids of its last second (nodes/PluggedInTrigger/window.ts), as the other events.
const { PROFILE, useSandbox } = require('../harness/sandbox');
const { Trigger, call, failNth, useFrozenDate } = require('../trigger/poller');

const fixture = useSandbox({}, { fresh: 'test' });
const advance = useFrozenDate('2026-12-01T10:00:00.000Z');
const watch = (filters) =>
	new Trigger(fixture.sandbox, { event: 'newNotification', ...(filters ? { notificationFilters: filters } : {}) });
const send = (sandbox, message, extra = {}) =>
	call(sandbox, 'POST', '/api/notifications/custom', { message, ...extra });
const messages = (run) => run.json.map((item) => item.message);

test('the first activation records only; each new notification is emitted once, oldest first', async () => {
	const { sandbox } = fixture;
	await send(sandbox, 'before activation');
	const trigger = watch();
	const first = await trigger.poll();
	expect(first.json).toEqual([]);
	expect(first.requests.map((request) => request.path + request.query)).toEqual([
		'/api/notifications?onlyUnread=false&limit=100',
	]);

	advance(1_000);
	await send(sandbox, 'one', { severity: 'WARNING' });
	advance(1_000);
	await send(sandbox, 'two');
	const run = await trigger.poll();
	expect(messages(run)).toEqual(['one', 'two']);
	expect(run.json[0]).toMatchObject({
		event: 'newNotification',
		type: 'CUSTOM',
		severity: 'WARNING',
		created_at: '2026-12-01T10:00:01.000Z',
	});
	expect(run.requests).toHaveLength(1);
	expect((await trigger.poll()).json).toEqual([]);
	advance(1_000);
	await send(sandbox, 'three');
	expect(messages(await trigger.poll())).toEqual(['three']);
});

test('notifications created in the same millisecond as the watermark are told apart by id', async () => {
	const { sandbox } = fixture;
	await send(sandbox, 'a');
	const trigger = watch();
	await trigger.poll();
	await send(sandbox, 'b');
	await send(sandbox, 'c');
	expect(messages(await trigger.poll())).toEqual(['b', 'c']);
	expect((await trigger.poll()).json).toEqual([]);
});

test('an empty inbox at activation: everything after it is new', async () => {
	const { sandbox } = fixture;
	const trigger = watch();
	await trigger.poll();
	await send(sandbox, 'first ever');
	expect(messages(await trigger.poll())).toEqual(['first ever']);
});

test('an AI document created through the API fires the server’s document_created_ai notification', async () => {
	const { sandbox } = fixture;
	const trigger = watch({ types: ['document_created_ai'] });
	await trigger.poll();
	advance(1_000);
	await send(sandbox, 'custom, filtered out');
	const created = await call(sandbox, 'POST', '/api/documents/ai', {
		title: 'Weekly summary',
		content: 'All good.',
		metadata: { model: { name: 'gpt-4o', provider: 'openai' } },
	});
	const run = await trigger.poll();
	expect(run.json).toEqual([
		expect.objectContaining({
			event: 'newNotification',
			type: 'document_created_ai',
			message: 'gpt-4o created "Weekly summary"',
			link: `/library/${created.documentId}`,
		}),
	]);
});

test('filters: severity and only unread; a notification read before the poll is skipped with Only Unread', async () => {
	const { sandbox } = fixture;
	const trigger = watch({ severities: ['ALERT', 'WARNING'], onlyUnread: true });
	await trigger.poll();
	advance(1_000);
	await send(sandbox, 'info, filtered out');
	await send(sandbox, 'alert', { severity: 'ALERT' });
	await send(sandbox, 'warning, read at once', { severity: 'WARNING' });
	const read = sandbox.notifications.notificationsOf(PROFILE).find((row) => row.message.startsWith('warning'));
	await call(sandbox, 'PATCH', `/api/notifications/${read.id}/read`);
	const run = await trigger.poll();
	expect(messages(run)).toEqual(['alert']);
	expect(run.requests[0].query).toBe('?onlyUnread=true&limit=100');
});

test('changing the filters starts over: the next poll only records', async () => {
	const { sandbox } = fixture;
	const trigger = watch();
	await trigger.poll();
	await send(sandbox, 'seen with the old filters');
	trigger.parameters.notificationFilters = { severities: ['INFO'] };
	expect((await trigger.poll()).json).toEqual([]);
	await send(sandbox, 'new');
	expect(messages(await trigger.poll())).toEqual(['new']);
});

test('a failed poll changes nothing and the next one catches up; Fetch Test Event shows the newest, state untouched', async () => {
	const { sandbox } = fixture;
	const trigger = watch();
	await trigger.poll();
	advance(1_000);
	await send(sandbox, 'first');
	advance(1_000);
	await send(sandbox, 'second');
	const before = JSON.parse(JSON.stringify(trigger.staticData));
	failNth(sandbox, 1, { path: /^\/api\/notifications$/, mode: '500' });
	expect((await trigger.poll()).error.constructor.name).toBe('NodeApiError');
	expect(trigger.staticData).toEqual(before);

	expect(messages(await trigger.poll({ mode: 'manual' }))).toEqual(['second']);
	expect(trigger.staticData).toEqual(before);
	expect(messages(await trigger.poll())).toEqual(['first', 'second']);
});

test('deleting, reading or completing notifications is not an event', async () => {
	const { sandbox } = fixture;
	await send(sandbox, 'x');
	await send(sandbox, 'y');
	const trigger = watch();
	await trigger.poll();
	const [x, y] = sandbox.notifications.notificationsOf(PROFILE);
	await call(sandbox, 'DELETE', `/api/notifications/${x.id}`);
	await call(sandbox, 'PATCH', `/api/notifications/${y.id}/read`);
	await call(sandbox, 'PATCH', `/api/notifications/${y.id}/completed`);
	expect((await trigger.poll()).json).toEqual([]);
});

test('random polls among bursts of notifications: none missed, none twice', async () => {
	const { sandbox } = fixture;
	const trigger = watch();
	await trigger.poll();
	const sent = [];
	const received = [];
	let counter = 0;
	for (let round = 0; round < 40; round++) {
		const burst = (round * 7) % 5;
		for (let i = 0; i < burst; i++) {
			const message = `n${counter++}`;
			// Several share a millisecond, some are a second apart.
			if (counter % 3 === 0) advance(1_000);
			sandbox.notifications.insert(PROFILE, { message });
			sent.push(message);
		}
		if (round % 6 === 5) failNth(sandbox, 1, { path: /^\/api\/notifications$/, mode: 'reset' });
		const run = await trigger.poll();
		received.push(...messages(run));
	}
	received.push(...messages(await trigger.poll()));
	expect(received).toEqual(sent);
});
