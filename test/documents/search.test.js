'use strict';
const { normaliseDocument } = require('../../nodes/shared/resources/documents');
const { PROFILE, useSandbox } = require('../harness/sandbox');
const { PluggedInDocuments } = require('../../nodes/PluggedInDocuments/PluggedInDocuments.node');

const t = useSandbox({}, { node: () => new PluggedInDocuments() });
const updater = { name: 'gpt-4o', provider: 'openai' };

/** `count` documents whose title holds `word`; each also has an "updated" attribution, so total over-counts. */
function insertMatching(word, count, fields = {}) {
	for (let i = 0; i < count; i++) {
		const { id } = t.sandbox.documents.insert(PROFILE, {
			title: `${word} report ${i}`,
			content: 'text',
			createdAt: Date.parse('2026-03-01T00:00:00.000Z') + i * 1000,
			...fields,
		});
		t.sandbox.documents.attribute(t.sandbox.documents.docs.get(id), updater, 'updated', {});
	}
}

beforeAll(() => {
	insertMatching('Alpha', 120);
	insertMatching('Bravo', 100);
	insertMatching('Charlie', 3, { tags: ['finance'], model: { name: 'claude-sonnet-4', provider: 'anthropic' } });
});

test('Return All pages by 50 and stops on the short page although total over-counts', async () => {
	const { items, requests } = await t.sent({ operation: 'search', query: 'alpha', returnAll: true });
	expect(items).toHaveLength(120);
	expect(requests).toHaveLength(3);
	expect(new Set(items.map((item) => item.json.id)).size).toBe(120);
});

test('an exact multiple of 50 ends on the empty page', async () => {
	const { items, requests } = await t.sent({ operation: 'search', query: 'bravo', returnAll: true });
	expect(items).toHaveLength(100);
	expect(requests).toHaveLength(3);
});

test('a limit of 60 asks for 50 then 10', async () => {
	const { items, requests } = await t.sent({ operation: 'search', query: 'alpha', limit: 60 });
	expect(items).toHaveLength(60);
	expect(requests).toHaveLength(2);
});

test('one item with results and totals: total and relevance scores are numbers', async () => {
	const { items } = await t.sent({
		operation: 'search',
		query: 'charlie',
		returnAll: true,
		simplify: false,
		options: { outputMode: 'summary' },
	});
	expect(items).toHaveLength(1);
	const { results, total, totalApproximate, hasMore } = items[0].json;
	// The server says "6" (3 documents, 2 attribution rows each): every result is in hand, so the count is ours.
	expect(total).toBe(3);
	expect(totalApproximate).toBe(false);
	expect(hasMore).toBe(false);
	expect(results).toHaveLength(3);
	expect(typeof results[0].relevanceScore).toBe('number');
	expect(results[0].modelAttributions).toEqual([
		{ modelName: 'claude-sonnet-4', modelProvider: 'anthropic', contributionType: 'created' },
		{ modelName: 'gpt-4o', modelProvider: 'openai', contributionType: 'updated' },
	]);
});

test('one document with one metadata update: total 1 (the server says 2), also with a Limit above it', async () => {
	insertMatching('Delta', 1);
	for (const paging of [{ returnAll: true }, { returnAll: false, limit: 10 }]) {
		const { items } = await t.sent({ operation: 'search', query: 'delta', ...paging, options: { outputMode: 'summary' } });
		expect(items[0].json).toMatchObject({ total: 1, totalApproximate: false, hasMore: false });
		expect(items[0].json.results).toHaveLength(1);
	}
});

test("a Limit that stops before the end: the server's count, said to be approximate", async () => {
	const { items } = await t.sent({ operation: 'search', query: 'alpha', limit: 50, options: { outputMode: 'summary' } });
	expect(items[0].json).toMatchObject({ total: 240, totalApproximate: true, hasMore: true });
	expect(items[0].json.results).toHaveLength(50);
});

test('filters go in the body, dates as UTC ISO Z; Simplify keeps lean fields', async () => {
	const { items } = await t.sent({
		operation: 'search',
		query: 'report',
		returnAll: true,
		filters: {
			tags: 'finance',
			modelProvider: 'anthropic',
			source: 'ai_generated',
			dateFrom: '2026-03-01T00:00:01+00:00',
		},
	});
	expect(items.map((item) => item.json.title).sort()).toEqual(['Charlie report 1', 'Charlie report 2']);
	expect(Object.keys(items[0].json).sort()).toEqual(
		['createdAt', 'id', 'relevanceScore', 'snippet', 'source', 'tags', 'title', 'visibility'].sort(),
	);
});

test('what the server would refuse is refused first, naming the Query field', async () => {
	const cases = [
		['   ', 'must not be empty'],
		['x'.repeat(501), 'at most 500'],
		['a.b.c.d.e.f.g.h.i.j.k', '10 or more of the characters'],
	];
	for (const [query, problem] of cases) {
		const { error, requests } = await t.sent({ operation: 'search', query });
		expect(error.message).toContain('"Query" (query)');
		expect(error.message).toContain(problem);
		expect(requests).toEqual([]);
	}
	const nine = await t.sent({ operation: 'search', query: 'a.b.c.d.e.f.g.h.i.j' });
	expect(nine.error).toBeUndefined();
	expect(nine.requests).toHaveLength(1);
});

test('a relevance score sent as a string becomes a number', () => {
	expect(normaliseDocument({ id: 'x', relevanceScore: '0.5607927' }).relevanceScore).toBe(0.5607927);
});
