'use strict';
// Clipboard Entry Changed: the list is ordered by createdAt and an upsert keeps it, so each poll
// reads the whole clipboard and compares uuid + updatedAt with a watermark on updatedAt.
const { PROFILE, useSandbox } = require('../harness/sandbox');
const { Trigger, call, failNth, useFrozenDate } = require('./poller');

const fixture = useSandbox({}, { fresh: 'test' });
const advance = useFrozenDate('2026-12-01T10:00:00.000Z');
const watch = (parameters = {}) => new Trigger(fixture.sandbox, { event: 'clipboardEntryChanged', ...parameters });
const set = (sandbox, name, value) => call(sandbox, 'POST', '/api/clipboard', { name, value });
const push = (sandbox, value) => call(sandbox, 'POST', '/api/clipboard/push', { value });
const changes = (run) => run.json.map((item) => `${item.change} ${item.name ?? `#${item.idx}`}=${item.value}`);

test('set (new and upsert) and push are reported once each; pop and delete are not events', async () => {
	const { sandbox } = fixture;
	await set(sandbox, 'settings', 'v1');
	const trigger = watch();
	expect((await trigger.poll()).json).toEqual([]);

	advance(1_000);
	await set(sandbox, 'notes', 'hello');
	advance(1_000);
	await push(sandbox, 'step 0');
	advance(1_000);
	await set(sandbox, 'settings', 'v2');
	const run = await trigger.poll();
	expect(changes(run)).toEqual(['created notes=hello', 'created #0=step 0', 'updated settings=v2']);
	expect(run.json[2]).toMatchObject({
		event: 'clipboardEntryChanged',
		createdAt: '2026-12-01T10:00:00.000Z',
		updatedAt: '2026-12-01T10:00:03.000Z',
	});
	expect(run.requests.map((request) => request.path + request.query)).toEqual(['/api/clipboard?limit=1000&offset=0']);
	expect((await trigger.poll()).json).toEqual([]);

	advance(1_000);
	await call(sandbox, 'POST', '/api/clipboard/pop');
	await call(sandbox, 'DELETE', '/api/clipboard', { name: 'notes' });
	expect((await trigger.poll()).json).toEqual([]);
	advance(1_000);
	await set(sandbox, 'settings', 'v3');
	expect(changes(await trigger.poll())).toEqual(['updated settings=v3']);
});

test("a new entry is 'created' although its updatedAt is 1 ms before its createdAt (as the real server sets them)", async () => {
	const { sandbox } = fixture;
	const trigger = watch();
	await trigger.poll();
	advance(1_000);
	const { entry } = await set(sandbox, 'fresh', 'new');
	expect(Date.parse(entry.createdAt) - Date.parse(entry.updatedAt)).toBe(1);
	advance(5_000);
	await set(sandbox, 'fresh', 'overwritten');
	expect(changes(await trigger.poll())).toEqual(['updated fresh=overwritten']);
	advance(1_000);
	await set(sandbox, 'other', 'new');
	expect(changes(await trigger.poll())).toEqual(['created other=new']);
});

test('entries changed in the same millisecond as the watermark are told apart by uuid', async () => {
	const { sandbox } = fixture;
	await set(sandbox, 'a', '1');
	const trigger = watch();
	await trigger.poll();
	await set(sandbox, 'b', '2');
	await push(sandbox, 'x');
	expect(changes(await trigger.poll())).toEqual(['created b=2', 'created #0=x']);
	expect((await trigger.poll()).json).toEqual([]);
});

test('Name Prefix: only named entries starting with it', async () => {
	const { sandbox } = fixture;
	const trigger = watch({ namePrefix: 'session_' });
	await trigger.poll();
	await set(sandbox, 'session_1', 'yes');
	await set(sandbox, 'other', 'no');
	await push(sandbox, 'no');
	expect(changes(await trigger.poll())).toEqual(['created session_1=yes']);
});

test('more than 1,000 entries: overlapping pages of 1,000; an entry upserted far down the list is found', async () => {
	const { sandbox } = fixture;
	for (let i = 0; i < 1_500; i++)
		sandbox.clipboard.insert(PROFILE, {
			name: `k${i}`,
			value: String(i),
			contentType: 'text/plain',
			encoding: 'utf-8',
			visibility: 'private',
			source: 'sdk',
		});
	const trigger = watch();
	await trigger.poll();
	advance(1_000);
	await set(sandbox, 'k0', 'changed');
	const run = await trigger.poll();
	expect(changes(run)).toEqual(['updated k0=changed']);
	expect(run.requests.map((request) => request.query)).toEqual(['?limit=1000&offset=0', '?limit=1000&offset=950']);
});

test('a failed poll changes nothing; the next poll reports the change; Fetch Test Event shows the latest change', async () => {
	const { sandbox } = fixture;
	const trigger = watch();
	await trigger.poll();
	await set(sandbox, 'first', '1');
	advance(1_000);
	await set(sandbox, 'second', '2');
	const before = JSON.parse(JSON.stringify(trigger.staticData));
	failNth(sandbox, 1, { path: /^\/api\/clipboard$/, mode: '500' });
	expect((await trigger.poll()).error.constructor.name).toBe('NodeApiError');
	expect(trigger.staticData).toEqual(before);

	expect(changes(await trigger.poll({ mode: 'manual' }))).toEqual(['created second=2']);
	expect(trigger.staticData).toEqual(before);
	expect(changes(await trigger.poll())).toEqual(['created first=1', 'created second=2']);
});

test('the request options are checked like every node’s: a bad Timeout fails the poll before any request', async () => {
	for (const [options, message] of [
		[{ timeout: -5 }, /^Invalid parameter "Timeout \(Seconds\)" \(timeout\): Number must be greater than or equal to 1$/],
		[{ maxRetries: 1.5 }, /^Invalid parameter "Max Retries" \(maxRetries\): /],
	]) {
		const trigger = watch({ options });
		const run = await trigger.poll();
		expect(run.error.message).toMatch(message);
		expect(run.error.description).toMatch(/Nothing was sent to Plugged.in/);
		expect(run.requests).toEqual([]);
		expect(trigger.stored).toBeUndefined();
	}
});
