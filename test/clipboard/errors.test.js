'use strict';
// Missing entries, an empty stack, a taken index, and which requests are (not) repeated after a failure.
const { useSandbox } = require('../harness/sandbox');
const { clipboardWithBinaryInput, run, storedEntries, emptyClipboard } = require('./node');
const { PluggedInClipboard } = require('../../nodes/PluggedInClipboard/PluggedInClipboard.node');
const { runNode } = require('../harness/engine');

const fixture = useSandbox({}, { reset: emptyClipboard });
const OUTPUT_NOT_FOUND = { ifNotFound: 'outputNotFound' };

describe('entry not found (404 "Clipboard entry not found")', () => {
	test('Get fails with a message naming the entry, and how to continue instead', async () => {
		const { error } = await run(fixture.sandbox, { operation: 'get', keyBy: 'name', name: 'ghost' });
		expect(error.message).toBe('No clipboard entry named "ghost"');
		expect(error.description).toMatch(/If Not Found to "Output Found: False"/);
		expect(error.httpCode).toBe('404');
	});

	test('Get with "Output Found: False" outputs {found: false, name} and marks hits with found: true', async () => {
		await run(fixture.sandbox, { operation: 'set', keyBy: 'name', name: 'cached', value: 'v' });
		const { items, error } = await run(
			fixture.sandbox,
			{ operation: 'get', keyBy: 'name', name: '={{ $json.key }}', options: OUTPUT_NOT_FOUND },
			{ items: [{ key: 'cached' }, { key: 'ghost' }] },
		);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ found: true, name: 'cached', value: 'v' });
		expect(items[1]).toEqual({ json: { found: false, name: 'ghost' }, pairedItem: { item: 1 } });
	});

	test('Get by index with the option outputs {found: false, idx}', async () => {
		const { items } = await run(fixture.sandbox, {
			operation: 'get',
			keyBy: 'index',
			idx: 4,
			options: OUTPUT_NOT_FOUND,
		});
		expect(items[0].json).toEqual({ found: false, idx: 4 });
	});

	test('with Continue On Fail a missing entry becomes an error item paired with its input', async () => {
		await run(fixture.sandbox, { operation: 'set', keyBy: 'name', name: 'here', value: 'v' });
		const { items, error } = await run(
			fixture.sandbox,
			{ operation: 'get', keyBy: 'name', name: '={{ $json.key }}' },
			{ items: [{ key: 'missing' }, { key: 'here' }], continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ error: { message: 'No clipboard entry named "missing"', httpCode: '404' } });
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[1].json.value).toBe('v');
	});

	test('Delete fails on a missing entry, or outputs {found: false, deleted: 0} with the option', async () => {
		const failed = await run(fixture.sandbox, { operation: 'delete', keyBy: 'index', idx: 9 });
		expect(failed.error.message).toBe('No clipboard entry with index 9 to delete');

		await run(fixture.sandbox, { operation: 'set', keyBy: 'name', name: 'gone-soon', value: 'v' });
		const { items } = await run(
			fixture.sandbox,
			{ operation: 'delete', keyBy: 'name', name: '={{ $json.key }}', options: OUTPUT_NOT_FOUND },
			{ items: [{ key: 'gone-soon' }, { key: 'gone-soon' }] },
		);
		expect(items.map((item) => item.json)).toEqual([
			{ success: true, deleted: 1, found: true },
			{ found: false, name: 'gone-soon', deleted: 0 },
		]);
	});

	test("a 404 that is not the clipboard's (wrong base URL) stays an error even with the option", async () => {
		const { error } = await runNode(
			new PluggedInClipboard(),
			{ operation: 'get', keyBy: 'name', name: 'x', options: OUTPUT_NOT_FOUND },
			{ credentials: { apiKey: fixture.sandbox.apiKey, baseUrl: `${fixture.sandbox.url}/proxy` } },
		);
		expect(error.message).toBe('Plugged.in answered HTTP 404 with an HTML page');
	});
});

describe('nothing to pop (404 "No indexed entries to pop")', () => {
	test('Pop on an empty stack fails with a clear message', async () => {
		await run(fixture.sandbox, { operation: 'set', keyBy: 'name', name: 'named-only', value: 'v' });
		const { error } = await run(fixture.sandbox, { operation: 'pop' });
		expect(error.message).toBe('Nothing to pop: the clipboard has no indexed entries');
		expect(error.httpCode).toBe('404');
	});

	test('with the option, an empty stack outputs {found: false}; a loop can pop until then', async () => {
		await run(fixture.sandbox, { operation: 'push', value: 'last' });
		const hit = await run(fixture.sandbox, { operation: 'pop', options: OUTPUT_NOT_FOUND });
		expect(hit.items[0].json).toMatchObject({ found: true, value: 'last' });
		const empty = await run(fixture.sandbox, { operation: 'pop', options: { ...OUTPUT_NOT_FOUND, valueAsFile: true } });
		expect(empty.items).toEqual([{ json: { found: false }, pairedItem: { item: 0 } }]);
	});

	test('with Continue On Fail an empty stack gives an error item', async () => {
		const { items } = await run(fixture.sandbox, { operation: 'pop' }, { continueOnFail: true });
		expect(items[0].json.error.message).toBe('Nothing to pop: the clipboard has no indexed entries');
	});
});

describe('taken index (409)', () => {
	test('Set at a taken index says to use Push; the stored entry is untouched', async () => {
		await run(fixture.sandbox, { operation: 'push', value: 'original' });
		const { error } = await run(fixture.sandbox, { operation: 'set', keyBy: 'index', idx: 0, value: 'new' });
		expect(error.message).toBe('Index 0 is already taken');
		expect(error.description).toMatch(/Use the Push operation/);
		expect(error.httpCode).toBe('409');
		expect(storedEntries(fixture.sandbox).map((row) => row.value)).toEqual(['original']);
	});

	test('with Continue On Fail the conflict is an error item and the next item is stored', async () => {
		await run(fixture.sandbox, { operation: 'push', value: 'zero' });
		const { items } = await run(
			fixture.sandbox,
			{ operation: 'set', keyBy: 'index', idx: '={{ $json.idx }}', value: 'v' },
			{ items: [{ idx: 0 }, { idx: 1 }], continueOnFail: true },
		);
		expect(items[0].json).toMatchObject({ error: { message: 'Index 0 is already taken', httpCode: '409' } });
		expect(items[1].json.idx).toBe(1);
	});
});

describe('retries', () => {
	const oneRetry = { maxRetries: 1 };
	const failAfter = (method, path) => fixture.sandbox.faults.script({ mode: '500', phase: 'after', method, path });

	test.each([
		['push', 'POST', /\/push$/, { operation: 'push', value: 'v', options: oneRetry }],
		[
			'set',
			'POST',
			/^\/api\/clipboard$/,
			{ operation: 'set', keyBy: 'name', name: 'n', value: 'v', options: oneRetry },
		],
	])(
		'%s is not repeated after a 5xx (the write was applied; a repeat could double it)',
		async (_, method, path, parameters) => {
			failAfter(method, path);
			const { error } = await run(fixture.sandbox, parameters);
			expect(error.message).toBe('Plugged.in: Internal server error');
			expect(error.description).toMatch(/not repeated/);
			expect(fixture.sandbox.count(method, path)).toBe(1);
			expect(storedEntries(fixture.sandbox)).toHaveLength(1);
		},
	);

	test('pop is not repeated after a 5xx: only one entry leaves the stack', async () => {
		await run(fixture.sandbox, { operation: 'push', value: 'a' });
		await run(fixture.sandbox, { operation: 'push', value: 'b' });
		failAfter('POST', /\/pop$/);
		const { error } = await run(fixture.sandbox, { operation: 'pop', options: oneRetry });
		expect(error.message).toBe('Plugged.in: Internal server error');
		expect(fixture.sandbox.count('POST', '/api/clipboard/pop')).toBe(1);
		expect(storedEntries(fixture.sandbox).map((row) => row.value)).toEqual(['a']);
	});

	test('delete is not repeated after a 5xx (a repeat would answer "not found" for a deleted entry)', async () => {
		await run(fixture.sandbox, { operation: 'set', keyBy: 'name', name: 'n', value: 'v' });
		failAfter('DELETE', /^\/api\/clipboard$/);
		const { error } = await run(fixture.sandbox, { operation: 'delete', keyBy: 'name', name: 'n', options: oneRetry });
		expect(error.message).toBe('Plugged.in: Internal server error');
		expect(fixture.sandbox.count('DELETE', '/api/clipboard')).toBe(1);
	});

	test('a binary push is not repeated after a connection reset either', async () => {
		fixture.sandbox.faults.script({ mode: 'reset', phase: 'after', method: 'POST', path: /\/push$/ });
		const { error } = await run(
			fixture.sandbox,
			{ operation: 'push', valueFrom: 'binary', options: oneRetry },
			{
				node: clipboardWithBinaryInput(),
				items: [{ file: { base64: 'AAEC', mimeType: 'image/png', fileName: 'a.png' } }],
			},
		);
		expect(error.description).toMatch(/not sent again/);
		expect(fixture.sandbox.count('POST', '/api/clipboard/push')).toBe(1);
	});

	test('Get is a read: it is repeated after a 5xx and succeeds', async () => {
		await run(fixture.sandbox, { operation: 'set', keyBy: 'name', name: 'n', value: 'v' });
		fixture.sandbox.faults.script({ mode: '500', phase: 'before', method: 'GET' });
		const { items, error } = await run(fixture.sandbox, {
			operation: 'get',
			keyBy: 'name',
			name: 'n',
			options: oneRetry,
		});
		expect(error).toBeUndefined();
		expect(items[0].json.value).toBe('v');
		expect(fixture.sandbox.count('GET')).toBe(2);
	});
});
