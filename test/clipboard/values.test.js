'use strict';
// Where values come from, how they are encoded and checked, files in and out, sizes and TTLs.
const { useSandbox } = require('../harness/sandbox');
const { clipboardWithBinaryInput, binaryBytes, run, storedEntries, emptyClipboard } = require('./node');

const fixture = useSandbox({}, { reset: emptyClipboard });
const MAX = 2_097_152;

/** Every byte value, twice, plus a few: not valid UTF-8, so only a byte-exact path round-trips it. */
const BYTES = Buffer.concat([
	Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
	Buffer.from([255, 0, 128, 13, 10]),
]);
const fileItem = (bytes, mimeType = 'image/png', fileName = 'pixel.png') => ({
	file: { base64: bytes.toString('base64'), mimeType, fileName },
});

describe('value sources', () => {
	test('Input Item JSON stores the item as JSON with the JSON MIME type', async () => {
		const item = { user: 'ada', tags: ['x', 'y'], nested: { n: 1 } };
		const { items } = await run(
			fixture.sandbox,
			{ operation: 'set', keyBy: 'name', name: 'profile', valueFrom: 'json' },
			{ items: [item] },
		);
		expect(items[0].json).toMatchObject({ contentType: 'application/json', encoding: 'utf-8' });
		expect(JSON.parse(items[0].json.value)).toEqual(item);
	});

	test('Input Binary File is sent as base64 with its MIME type; Pop gives the file back byte for byte', async () => {
		const pushed = await run(
			fixture.sandbox,
			{ operation: 'push', valueFrom: 'binary', binaryPropertyName: 'data' },
			{ node: clipboardWithBinaryInput(), items: [fileItem(BYTES)] },
		);
		expect(pushed.error).toBeUndefined();
		expect(pushed.items[0].json).toMatchObject({
			idx: 0,
			encoding: 'base64',
			contentType: 'image/png',
			value: BYTES.toString('base64'),
		});

		const popped = await run(fixture.sandbox, { operation: 'pop', options: { valueAsFile: true } });
		const [item] = popped.items;
		expect(binaryBytes(item).equals(BYTES)).toBe(true);
		expect(item.binary.data).toMatchObject({ mimeType: 'image/png', fileName: 'clipboard-0.png' });
		expect(item.json).not.toHaveProperty('value');
		expect(storedEntries(fixture.sandbox)).toHaveLength(0);
	});

	test('a Content Type option overrides the file MIME type; Get outputs the file under a chosen field and name', async () => {
		await run(
			fixture.sandbox,
			{
				operation: 'set',
				keyBy: 'name',
				name: 'report',
				valueFrom: 'binary',
				options: { contentType: 'application/pdf' },
			},
			{ node: clipboardWithBinaryInput(), items: [fileItem(BYTES, 'application/octet-stream', 'r.bin')] },
		);
		const { items } = await run(fixture.sandbox, {
			operation: 'get',
			keyBy: 'name',
			name: 'report',
			options: { valueAsFile: true, binaryPropertyName: 'report', fileName: 'q3.pdf' },
		});
		expect(binaryBytes(items[0], 'report').equals(BYTES)).toBe(true);
		expect(items[0].binary.report).toMatchObject({ mimeType: 'application/pdf', fileName: 'q3.pdf' });
	});

	test("a missing binary field fails the item with n8n's message and sends nothing", async () => {
		const { error } = await run(
			fixture.sandbox,
			{ operation: 'push', valueFrom: 'binary', binaryPropertyName: 'attachment' },
			{ node: clipboardWithBinaryInput(), items: [fileItem(BYTES)] },
		);
		expect(error.message).toMatch(/no binary field 'attachment'/);
		expect(fixture.sandbox.count()).toBe(0);
	});

	test('a number from an expression is stored as text', async () => {
		const { items } = await run(
			fixture.sandbox,
			{ operation: 'push', value: '={{ $json.total }}' },
			{ items: [{ total: 42 }] },
		);
		expect(items[0].json.value).toBe('42');
	});
});

describe('encodings', () => {
	test.each([
		['hex', '00ff10ab', Buffer.from([0, 255, 16, 171])],
		['base64', 'AP8Qqw==', Buffer.from([0, 255, 16, 171])],
		['utf-8', 'héllo', Buffer.from('héllo', 'utf8')],
	])('a %s value round-trips to a file of its bytes', async (encoding, value, bytes) => {
		await run(fixture.sandbox, { operation: 'push', value, encoding });
		const { items } = await run(fixture.sandbox, {
			operation: 'get',
			keyBy: 'index',
			idx: 0,
			options: { valueAsFile: true },
		});
		expect(binaryBytes(items[0]).equals(bytes)).toBe(true);
		expect(items[0].json.encoding).toBe(encoding);
	});

	test.each([
		['base64', 'abc', /length \(3\) is not a multiple of 4/],
		['base64', 'ab$d', /characters outside/],
		['base64', 'QR==', /not canonical base64/],
		['hex', 'abc', /odd number of digits \(3\)/],
		['hex', 'zz', /not hex/],
	])('an invalid %s value (%s) is refused before sending', async (encoding, value, message) => {
		const { error } = await run(fixture.sandbox, { operation: 'push', value, encoding });
		expect(error.message).toMatch(/^Invalid parameter "Value" \(value\): /);
		expect(error.message).toMatch(message);
		expect(fixture.sandbox.count()).toBe(0);
	});

	test('the sandbox refuses what the node refuses (the checks match the server)', async () => {
		const { items } = await run(
			fixture.sandbox,
			{ operation: 'push', value: '={{ $json.value }}', encoding: 'base64', options: {} },
			{ items: [{ value: 'QQ==' }] },
		);
		expect(items[0].json.value).toBe('QQ==');
		const response = await fetch(`${fixture.sandbox.url}/api/clipboard/push`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${fixture.sandbox.apiKey}`, 'Content-Type': 'application/json' },
			body: JSON.stringify({ value: 'QR==', encoding: 'base64' }),
		});
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual({ error: 'Invalid base64 encoding: non-canonical or corrupted data' });
	});
});

describe('size limit (2 MiB as the UTF-8 length of the string sent)', () => {
	test('exactly 2,097,152 bytes is sent and stored', async () => {
		const { items, error } = await run(fixture.sandbox, { operation: 'push', value: 'a'.repeat(MAX) });
		expect(error).toBeUndefined();
		expect(items[0].json.sizeBytes).toBe(MAX);
	});

	test('one byte more is refused before sending, naming the size', async () => {
		const { error } = await run(fixture.sandbox, { operation: 'push', value: 'a'.repeat(MAX + 1) });
		expect(error.message).toMatch(
			/"Value" \(value\): is 2,097,153 bytes as UTF-8; Plugged.in accepts at most 2,097,152 bytes/,
		);
		expect(fixture.sandbox.log).toHaveLength(0);
	});

	test('multi-byte characters count by their UTF-8 bytes, not by characters', async () => {
		const euros = '€'.repeat(699_051); // 3 bytes each: 2,097,153 bytes in 699,051 characters
		const { error } = await run(fixture.sandbox, { operation: 'set', keyBy: 'name', name: 'big', value: euros });
		expect(error.message).toMatch(/is 2,097,153 bytes as UTF-8/);
		expect(fixture.sandbox.log).toHaveLength(0);
	});

	test('a file is measured as its base64 text: 1,572,864 bytes pass, 1,572,865 do not', async () => {
		const fits = await run(
			fixture.sandbox,
			{ operation: 'push', valueFrom: 'binary' },
			{
				node: clipboardWithBinaryInput(),
				items: [fileItem(Buffer.alloc(1_572_864, 1), 'application/octet-stream')],
			},
		);
		expect(fits.items[0].json.sizeBytes).toBe(MAX);
		fixture.sandbox.log.length = 0;

		const tooBig = await run(
			fixture.sandbox,
			{ operation: 'push', valueFrom: 'binary' },
			{
				node: clipboardWithBinaryInput(),
				items: [fileItem(Buffer.alloc(1_572_865, 1), 'application/octet-stream')],
			},
		);
		expect(tooBig.error.message).toMatch(/the file is 1,572,865 bytes, 2,097,156 bytes as base64/);
		expect(fixture.sandbox.log).toHaveLength(0);
	});

	test('with Continue On Fail an oversize item becomes an error item and the others are sent', async () => {
		const { items } = await run(
			fixture.sandbox,
			{ operation: 'push', value: '={{ "x".repeat($json.size) }}' },
			{ items: [{ size: 3 }, { size: MAX + 10 }, { size: 4 }], continueOnFail: true },
		);
		expect(items.map((item) => item.json.sizeBytes ?? 'error')).toEqual([3, 'error', 4]);
		expect(items[1].json.error.message).toMatch(/2,097,162 bytes/);
		expect(items[1].pairedItem).toEqual({ item: 1 });
		expect(fixture.sandbox.count('POST', '/api/clipboard/push')).toBe(2);
	});
});

describe('TTL', () => {
	const lifetime = (entry) => Date.parse(entry.expiresAt) - Date.parse(entry.createdAt);

	test('default is 24 hours; a TTL in seconds sets expiresAt', async () => {
		const standard = await run(fixture.sandbox, { operation: 'push', value: 'a' });
		expect(lifetime(standard.items[0].json)).toBe(24 * 3600 * 1000);
		const short = await run(fixture.sandbox, { operation: 'push', value: 'b', options: { ttlSeconds: 90 } });
		expect(lifetime(short.items[0].json)).toBe(90_000);
	});

	test('an expired entry is still returned until the server cleans up', async () => {
		await run(fixture.sandbox, {
			operation: 'set',
			keyBy: 'name',
			name: 'stale',
			value: 'old',
			options: { ttlSeconds: 1 },
		});
		fixture.sandbox.clock.advance(60_000);
		const { items } = await run(fixture.sandbox, { operation: 'get', keyBy: 'name', name: 'stale' });
		expect(items[0].json.value).toBe('old');
		expect(Date.parse(items[0].json.expiresAt)).toBeLessThan(fixture.sandbox.clock.now());
	});

	test.each([[0], [-5], [1.5]])(
		'TTL %p is refused before sending (positive whole seconds only)',
		async (ttlSeconds) => {
			const { error } = await run(fixture.sandbox, { operation: 'push', value: 'x', options: { ttlSeconds } });
			expect(error.message).toMatch(/"TTL \(Seconds\)" \(ttlSeconds\)/);
			expect(fixture.sandbox.count()).toBe(0);
		},
	);
});
