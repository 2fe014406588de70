'use strict';
const { PROFILE, useSandbox } = require('../harness/sandbox');
const { PluggedInDocuments } = require('../../nodes/PluggedInDocuments/PluggedInDocuments.node');

const t = useSandbox({}, { node: () => new PluggedInDocuments() });
const model = { name: 'claude-sonnet-4', provider: 'anthropic' };

beforeAll(() => {
	// 250 documents, one a minute, the newest first in the default sort.
	for (let i = 0; i < 250; i++) {
		t.sandbox.documents.insert(PROFILE, {
			title: `Note ${String(i).padStart(3, '0')}`,
			content: 'x'.repeat(i + 1),
			tags: i % 2 ? ['odd'] : ['even'],
			model: i < 10 ? model : { name: 'gpt-4o', provider: 'openai' },
			visibility: i < 5 ? 'public' : 'private',
			createdAt: Date.parse('2026-01-01T00:00:00.000Z') + i * 60_000,
		});
	}
});

const query = (request) => new URLSearchParams(request.query);

test('Return All walks 3 pages of 100 and stops on the short one', async () => {
	const { items, requests, error } = await t.sent({ operation: 'getMany', returnAll: true });
	expect(error).toBeUndefined();
	expect(items).toHaveLength(250);
	expect(requests.map((request) => query(request).get('offset'))).toEqual(['0', '100', '200']);
	expect(requests.every((request) => query(request).get('limit') === '100')).toBe(true);
	expect(items[0].json.title).toBe('Note 249');
	expect(new Set(items.map((item) => item.json.id)).size).toBe(250);
	expect(items.every((item) => item.pairedItem.item === 0)).toBe(true);
});

test('a limit of 120 asks for 100 then 20, and stops', async () => {
	const { items, requests } = await t.sent({ operation: 'getMany', returnAll: false, limit: 120 });
	expect(items).toHaveLength(120);
	expect(requests.map((request) => query(request).get('limit'))).toEqual(['100', '20']);
});

test('Simplify keeps lean fields; off, attributions come out camelCase with ISO Z timestamps', async () => {
	const lean = await t.run({ operation: 'getMany', limit: 1 });
	expect(Object.keys(lean.items[0].json).sort()).toEqual(
		[
			'createdAt',
			'description',
			'fileName',
			'fileSize',
			'id',
			'mimeType',
			'source',
			'tags',
			'title',
			'updatedAt',
			'version',
			'visibility',
		].sort(),
	);
	const full = await t.run({ operation: 'getMany', limit: 1, simplify: false });
	expect(full.items[0].json.modelAttributions).toEqual([
		{
			modelName: 'gpt-4o',
			modelProvider: 'openai',
			contributionType: 'created',
			timestamp: '2026-01-01T04:09:00.000Z',
		},
	]);
	expect(full.items[0].json.aiMetadata.model).toEqual({ name: 'gpt-4o', provider: 'openai' });
});

test('filters and sort reach the server in the forms it accepts', async () => {
	const { items, requests } = await t.sent({
		operation: 'getMany',
		returnAll: true,
		filters: {
			source: 'ai_generated',
			tags: 'odd, nothing',
			modelName: 'claude-sonnet-4',
			modelProvider: 'anthropic',
			visibility: 'public',
			searchQuery: 'Note 00',
			dateFrom: '2026-01-01T00:01:00Z',
			dateTo: '2026-01-01T01:30:00+01:00',
		},
		options: { sort: 'title' },
	});
	const sent = query(requests[0]);
	expect(sent.getAll('tags')).toEqual(['odd', 'nothing']);
	expect(sent.get('dateFrom')).toBe('2026-01-01T00:01:00.000Z');
	expect(sent.get('dateTo')).toBe('2026-01-01T00:30:00.000Z');
	expect(Object.fromEntries(sent)).toMatchObject({
		source: 'ai_generated',
		modelName: 'claude-sonnet-4',
		modelProvider: 'anthropic',
		visibility: 'public',
		searchQuery: 'Note 00',
		sort: 'title',
	});
	// Odd, public (0-4), by claude (0-9), titled "Note 00…", created 00:01-00:30: notes 1 and 3.
	expect(items.map((item) => item.json.title)).toEqual(['Note 001', 'Note 003']);
});

test('a date picker value without a zone is read in the workflow time zone (America/New_York here)', async () => {
	const { items, requests } = await t.sent({
		operation: 'getMany',
		returnAll: true,
		filters: { dateFrom: '2025-12-31T19:05:00', dateTo: '2025-12-31T19:07' },
		options: { sort: 'date_asc' },
	});
	expect(query(requests[0]).get('dateFrom')).toBe('2026-01-01T00:05:00.000Z');
	expect(query(requests[0]).get('dateTo')).toBe('2026-01-01T00:07:00.000Z');
	expect(items.map((item) => item.json.title)).toEqual(['Note 005', 'Note 006', 'Note 007']);
});

test('bad filters fail naming the field, before any request', async () => {
	const cases = [
		[{ dateFrom: 'yesterday-ish' }, '"Created After" (dateFrom)'],
		[{ dateFrom: '2026-02-01T00:00:00Z', dateTo: '2026-01-01T00:00:00Z' }, '"Created Before" (dateTo)'],
		[{ visibility: 'secret' }, '"Visibility" (visibility)'],
	];
	for (const [filters, field] of cases) {
		const { error, requests } = await t.sent({ operation: 'getMany', filters });
		expect(error.message).toContain(field);
		expect(error.message).toContain('[item 0]');
		expect(requests).toEqual([]);
	}
});

test('one call per input item; Continue On Fail turns a bad item into a paired error item', async () => {
	const { items, requests } = await t.sent(
		{ operation: 'getMany', limit: 2, filters: { dateFrom: '={{ $json.from }}' } },
		{ items: [{ from: '2026-01-01T04:00:00Z' }, { from: 'not a date' }], continueOnFail: true },
	);
	expect(requests).toHaveLength(1);
	expect(items).toHaveLength(3);
	expect(items.slice(0, 2).every((item) => item.pairedItem.item === 0)).toBe(true);
	expect(items[2]).toMatchObject({
		pairedItem: { item: 1 },
		json: { error: { message: expect.stringContaining('dateFrom') } },
	});
});
