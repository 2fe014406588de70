'use strict';
// Limits: oversize inputs are refused before anything is sent, with the size named; a huge list pages through.
const { randomUUID } = require('node:crypto');
const { PluggedInClipboard } = require('../../nodes/PluggedInClipboard/PluggedInClipboard.node');
const { PluggedInDocuments } = require('../../nodes/PluggedInDocuments/PluggedInDocuments.node');
const { SEEDED_DOCUMENT_IDS } = require('../../sandbox/routes/documents');
const { startSandbox } = require('../../sandbox/server');
const { runNode } = require('../harness/engine');

const PROFILE = 'profile-sandbox';
const MIB = 1024 * 1024;

let sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ seed: true });
});
afterAll(async () => {
	await sandbox.stop();
});
beforeEach(() => {
	sandbox.log.length = 0;
});

const run = (node, parameters, options = {}) =>
	runNode(node, parameters, { credentials: { apiKey: sandbox.apiKey, baseUrl: sandbox.url }, ...options });
const createDocument = (content) => ({
	operation: 'create',
	title: 'Big',
	content,
	modelName: 'm',
	modelProvider: 'p',
});

describe('oversize inputs are refused before sending, with the size named', () => {
	test.each([
		[
			'document content over 10 MiB',
			() => new PluggedInDocuments(),
			createDocument('x'.repeat(10 * MIB + 1)),
			'"Content" (content): must be at most 10485760 characters',
		],
		[
			'document content under 10 Mi characters but over 10 MiB as UTF-8',
			() => new PluggedInDocuments(),
			createDocument('€'.repeat(4 * MIB)),
			'"Content" (content): the request would be 12583003 bytes; Plugged.in accepts at most 10 MiB',
		],
		[
			'an update over 10,000,000 characters',
			() => new PluggedInDocuments(),
			{
				operation: 'update',
				documentId: { __rl: true, mode: 'id', value: SEEDED_DOCUMENT_IDS.gettingStarted },
				content: 'y'.repeat(10_000_001),
			},
			'"Content" (content): is 10000001 characters long; Plugged.in accepts at most 10000000',
		],
		[
			'a clipboard value over 2 MiB',
			() => new PluggedInClipboard(),
			{ operation: 'push', value: 'z'.repeat(2 * MIB + 1) },
			'"Value" (value): is 2,097,153 bytes as UTF-8; Plugged.in accepts at most 2,097,152 bytes (2 MiB) per value',
		],
		[
			'a clipboard value of 2 MiB in characters, but more as UTF-8',
			() => new PluggedInClipboard(),
			{ operation: 'set', keyBy: 'name', name: 'big', value: 'é'.repeat(MIB + 1) },
			'"Value" (value): is 2,097,154 bytes as UTF-8; Plugged.in accepts at most 2,097,152 bytes (2 MiB)',
		],
	])('%s', async (_name, node, parameters, message) => {
		const { error } = await run(node(), parameters);
		expect(error.name).toBe('NodeOperationError');
		expect(error.message).toMatch(message);
		expect(sandbox.log).toEqual([]);
	});

	test("the input item's JSON as a clipboard value, over 2 MiB, with Continue On Fail: an error item for it alone", async () => {
		const { items, error } = await run(
			new PluggedInClipboard(),
			{ operation: 'push', valueFrom: 'json' },
			{ items: [{ small: 1 }, { blob: 'b'.repeat(2 * MIB) }], continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ value: '{"small":1}' });
		expect(items[1]).toEqual({
			json: expect.objectContaining({
				error: expect.objectContaining({
					message: expect.stringContaining(
						'"Value From" (valueFrom): the input item\'s JSON is 2,097,163 bytes; Plugged.in accepts at most 2,097,152 bytes',
					),
				}),
			}),
			pairedItem: { item: 1 },
		});
		expect(sandbox.count('POST', '/api/clipboard/push')).toBe(1);
	});
});

describe('Return All of 100,000 clipboard entries', () => {
	const COUNT = 100_000;
	const PAGE_SIZE = 1000;

	beforeAll(() => {
		sandbox.clipboard.rows.clear();
		// Straight into the store (insert() copies the list on each call).
		const first = sandbox.clipboard.insert(PROFILE, {
			idx: 0,
			value: 'entry-0',
			contentType: 'text/plain',
			encoding: 'utf-8',
		});
		const rows = sandbox.clipboard.entriesOf(PROFILE);
		for (let idx = 1; idx < COUNT; idx++) rows.push({ ...first, uuid: randomUUID(), idx, value: `entry-${idx}` });
	});

	test('pages of 1000, one request per page, every entry out once', async () => {
		const { items, error } = await run(new PluggedInClipboard(), { operation: 'getMany', returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(COUNT);
		expect(new Set(items.map((item) => item.json.uuid)).size).toBe(COUNT);
		expect(items.every((item) => item.pairedItem.item === 0)).toBe(true);
		const pages = sandbox.log.map((entry) => new URLSearchParams(entry.query));
		expect(pages).toHaveLength(Math.ceil(COUNT / PAGE_SIZE));
		expect(pages.map((query) => [query.get('limit'), query.get('offset')])).toEqual(
			Array.from({ length: COUNT / PAGE_SIZE }, (_, page) => [String(PAGE_SIZE), String(page * PAGE_SIZE)]),
		);
	});
});
