'use strict';
// Every operation of the Clipboard node, through the real engine against the sandbox.
const { useSandbox } = require('../harness/sandbox');
const { ISO_Z, run, storedEntries, emptyClipboard } = require('./node');

const fixture = useSandbox({}, { reset: emptyClipboard });
const TIMESTAMPS = ['createdAt', 'updatedAt', 'expiresAt'];

function expectIsoTimestamps(json) {
	for (const field of TIMESTAMPS) expect(json[field]).toMatch(ISO_Z);
}

const setNamed = (name, value, extra = {}) => ({ operation: 'set', keyBy: 'name', name, value, ...extra });

describe('Set', () => {
	test('stores a named entry, sent as the SDK does (source sdk), and outputs it with ISO timestamps', async () => {
		const { items, error } = await run(fixture.sandbox, setNamed('greeting', 'hello'));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[0].json).toMatchObject({
			name: 'greeting',
			idx: null,
			value: 'hello',
			contentType: 'text/plain',
			encoding: 'utf-8',
			sizeBytes: 5,
			visibility: 'private',
			source: 'sdk',
		});
		expectIsoTimestamps(items[0].json);
		expect(storedEntries(fixture.sandbox)).toHaveLength(1);
	});

	test('a second Set of the same name replaces the value and keeps the entry (upsert)', async () => {
		const first = await run(fixture.sandbox, setNamed('counter', '1'));
		const second = await run(fixture.sandbox, setNamed('counter', '2'));
		expect(second.items[0].json.uuid).toBe(first.items[0].json.uuid);
		expect(second.items[0].json.value).toBe('2');
		expect(second.items[0].json.createdAt).toBe(first.items[0].json.createdAt);
		expect(storedEntries(fixture.sandbox)).toHaveLength(1);
	});

	test('stores at a free index, with the options (type, visibility, creator) sent along', async () => {
		const { items } = await run(fixture.sandbox, {
			operation: 'set',
			keyBy: 'index',
			idx: 7,
			value: '{"a":1}',
			options: {
				contentType: 'application/json',
				visibility: 'workspace',
				createdByTool: 'n8n',
				createdByModel: 'gpt-test',
			},
		});
		expect(items[0].json).toMatchObject({
			name: null,
			idx: 7,
			contentType: 'application/json',
			visibility: 'workspace',
			createdByTool: 'n8n',
			createdByModel: 'gpt-test',
		});
	});

	test('one request per input item, each output paired with its item (expressions resolved per item)', async () => {
		const { items } = await run(fixture.sandbox, setNamed('={{ $json.key }}', '={{ $json.text }}'), {
			items: [
				{ key: 'a', text: 'alpha' },
				{ key: 'b', text: 'beta' },
			],
		});
		expect(items.map((item) => [item.json.name, item.json.value, item.pairedItem.item])).toEqual([
			['a', 'alpha', 0],
			['b', 'beta', 1],
		]);
		expect(fixture.sandbox.count('POST', '/api/clipboard')).toBe(2);
	});

	test('a name that resolves to empty is refused before sending', async () => {
		const { error } = await run(fixture.sandbox, setNamed('={{ $json.key }}', 'x'), { items: [{ key: '' }] });
		expect(error.message).toMatch(/"Name" \(name\): is empty/);
		expect(fixture.sandbox.count()).toBe(0);
	});
});

describe('Get', () => {
	test('by name returns the full value', async () => {
		await run(fixture.sandbox, setNamed('note', 'remember this'));
		const { items } = await run(fixture.sandbox, { operation: 'get', keyBy: 'name', name: 'note' });
		expect(items[0].json).toMatchObject({ name: 'note', value: 'remember this' });
		expect(items[0].json).not.toHaveProperty('found');
		expectIsoTimestamps(items[0].json);
	});

	test('by index returns the pushed entry with that index', async () => {
		await run(fixture.sandbox, { operation: 'push', value: 'first' });
		await run(fixture.sandbox, { operation: 'push', value: 'second' });
		const { items } = await run(fixture.sandbox, { operation: 'get', keyBy: 'index', idx: 0 });
		expect(items[0].json).toMatchObject({ idx: 0, value: 'first' });
		expect(fixture.sandbox.log.at(-1).query).toBe('?idx=0');
	});

	test('an index given as text by an expression or an AI agent is read as a number', async () => {
		await run(fixture.sandbox, { operation: 'push', value: 'zero' });
		const { items } = await run(
			fixture.sandbox,
			{ operation: 'get', keyBy: 'index', idx: '={{ $json.idx }}' },
			{
				items: [{ idx: '0' }],
			},
		);
		expect(items[0].json.value).toBe('zero');
		const bad = await run(
			fixture.sandbox,
			{ operation: 'get', keyBy: 'index', idx: '={{ $json.idx }}' },
			{
				items: [{ idx: 'top' }],
			},
		);
		expect(bad.error.message).toMatch(/^Invalid parameter "Index" \(idx\)/);
	});

	test('an image value comes back whole (only the list cuts it)', async () => {
		const long = Buffer.alloc(3000, 7).toString('base64');
		await run(fixture.sandbox, {
			...setNamed('picture', long),
			encoding: 'base64',
			options: { contentType: 'image/png' },
		});
		const { items } = await run(fixture.sandbox, { operation: 'get', keyBy: 'name', name: 'picture' });
		expect(items[0].json.value).toBe(long);
	});
});

describe('Get Many', () => {
	test('lists newest first, filters by content type, cuts image values to 1000 characters', async () => {
		await run(fixture.sandbox, setNamed('old', 'a'));
		fixture.sandbox.clock.advance(1000);
		await run(fixture.sandbox, {
			...setNamed('image', 'A'.repeat(1600)),
			encoding: 'base64',
			options: { contentType: 'image/png' },
		});
		fixture.sandbox.clock.advance(1000);
		await run(fixture.sandbox, setNamed('new', 'b'));

		const all = await run(fixture.sandbox, { operation: 'getMany', returnAll: true });
		expect(all.items.map((item) => item.json.name)).toEqual(['new', 'image', 'old']);
		expect(all.items[1].json.value).toHaveLength(1000);
		expect(all.items[1].json.sizeBytes).toBe(1600);
		all.items.forEach((item) => expectIsoTimestamps(item.json));
		expect(all.items.every((item) => item.pairedItem.item === 0)).toBe(true);

		const images = await run(fixture.sandbox, {
			operation: 'getMany',
			returnAll: true,
			options: { contentType: 'image/png' },
		});
		expect(images.items.map((item) => item.json.name)).toEqual(['image']);
		expect(fixture.sandbox.log.at(-1).query).toContain('contentType=image%2Fpng');
	});

	test('Limit returns that many, asking the server for no more', async () => {
		for (const name of ['a', 'b', 'c']) await run(fixture.sandbox, setNamed(name, name));
		const { items } = await run(fixture.sandbox, { operation: 'getMany', returnAll: false, limit: 2 });
		expect(items).toHaveLength(2);
		expect(fixture.sandbox.log.at(-1).query).toBe('?limit=2&offset=0');
	});

	test('Return All pages past the server cap of 1000 per request', async () => {
		const { clipboard } = fixture.sandbox;
		for (let i = 0; i < 2345; i++) {
			clipboard.insert('profile-sandbox', {
				name: `n${i}`,
				value: 'v',
				contentType: 'text/plain',
				encoding: 'utf-8',
				visibility: 'private',
				source: 'sdk',
			});
		}
		const { items } = await run(fixture.sandbox, { operation: 'getMany', returnAll: true });
		expect(items).toHaveLength(2345);
		expect(new Set(items.map((item) => item.json.uuid)).size).toBe(2345);
		expect(fixture.sandbox.log.map((entry) => entry.query)).toEqual([
			'?limit=1000&offset=0',
			'?limit=1000&offset=1000',
			'?limit=1000&offset=2000',
		]);

		fixture.sandbox.log.length = 0;
		const limited = await run(fixture.sandbox, { operation: 'getMany', returnAll: false, limit: 1500 });
		expect(limited.items).toHaveLength(1500);
		expect(fixture.sandbox.log.map((entry) => entry.query)).toEqual(['?limit=1000&offset=0', '?limit=500&offset=1000']);
	});

	test('an empty clipboard gives no items and no error', async () => {
		const { items, error } = await run(fixture.sandbox, { operation: 'getMany', returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
	});
});

describe('Push and Pop', () => {
	test('push numbers entries from 0; pop takes the highest index (LIFO)', async () => {
		const pushed = [];
		for (const value of ['one', 'two', 'three']) {
			const { items } = await run(fixture.sandbox, { operation: 'push', value });
			pushed.push(items[0].json);
		}
		expect(pushed.map((entry) => entry.idx)).toEqual([0, 1, 2]);
		expect(pushed[0]).toMatchObject({ name: null, source: 'sdk' });

		const first = await run(fixture.sandbox, { operation: 'pop' });
		expect(first.items[0].json).toMatchObject({ idx: 2, value: 'three' });
		const second = await run(fixture.sandbox, { operation: 'pop' });
		expect(second.items[0].json).toMatchObject({ idx: 1, value: 'two' });
		expect(storedEntries(fixture.sandbox).map((row) => row.value)).toEqual(['one']);
	});

	test('pop takes the highest index even when a lower one was stored later', async () => {
		await run(fixture.sandbox, { operation: 'set', keyBy: 'index', idx: 5, value: 'five' });
		await run(fixture.sandbox, { operation: 'set', keyBy: 'index', idx: 2, value: 'two' });
		const { items } = await run(fixture.sandbox, { operation: 'pop' });
		expect(items[0].json).toMatchObject({ idx: 5, value: 'five' });
	});

	test('push and pop answer with database-text timestamps; the node outputs ISO Z equal to what Get shows', async () => {
		const pushed = await run(fixture.sandbox, { operation: 'push', value: 'stamp' });
		expectIsoTimestamps(pushed.items[0].json);

		const got = await run(fixture.sandbox, { operation: 'get', keyBy: 'index', idx: 0 });
		for (const field of TIMESTAMPS) expect(pushed.items[0].json[field]).toBe(got.items[0].json[field]);

		const popped = await run(fixture.sandbox, { operation: 'pop' });
		expectIsoTimestamps(popped.items[0].json);
		for (const field of TIMESTAMPS) expect(popped.items[0].json[field]).toBe(got.items[0].json[field]);
		// The popped entry keeps the server's shape: name null, no source.
		expect(popped.items[0].json).not.toHaveProperty('source');
		expect(popped.items[0].json.name).toBeNull();
	});
});

describe('Delete and Clear All', () => {
	test('delete by name removes that entry only', async () => {
		await run(fixture.sandbox, setNamed('keep', 'k'));
		await run(fixture.sandbox, setNamed('drop', 'd'));
		const { items } = await run(fixture.sandbox, { operation: 'delete', keyBy: 'name', name: 'drop' });
		expect(items[0].json).toEqual({ success: true, deleted: 1 });
		expect(storedEntries(fixture.sandbox).map((row) => row.name)).toEqual(['keep']);
	});

	test('delete by index', async () => {
		await run(fixture.sandbox, { operation: 'push', value: 'a' });
		await run(fixture.sandbox, { operation: 'push', value: 'b' });
		const { items } = await run(fixture.sandbox, { operation: 'delete', keyBy: 'index', idx: 0 });
		expect(items[0].json).toEqual({ success: true, deleted: 1 });
		expect(storedEntries(fixture.sandbox).map((row) => row.idx)).toEqual([1]);
	});

	test('clear all deletes every entry and says how many', async () => {
		await run(fixture.sandbox, setNamed('a', 'a'));
		await run(fixture.sandbox, { operation: 'push', value: 'b' });
		const { items } = await run(fixture.sandbox, { operation: 'clearAll' });
		expect(items[0].json).toEqual({ success: true, deleted: 2 });
		expect(storedEntries(fixture.sandbox)).toHaveLength(0);
	});
});
