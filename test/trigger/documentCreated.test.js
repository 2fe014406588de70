'use strict';
// Document Created through n8n-core's real PollContext against the sandbox: watermark + ids,
// equal timestamps across pages, failures mid-poll, restarts (every poll starts from JSON), deletions.
const { PROFILE, useSandbox } = require('../harness/sandbox');
const { DOCUMENTS_LIST, Trigger, failNth, ids, insertDocuments } = require('./poller');

const fixture = useSandbox({}, { fresh: 'test' });
const BASE = Date.parse('2026-06-01T00:00:00.000Z');
const iso = (ms) => new Date(ms).toISOString();
const created = (parameters = {}) => new Trigger(fixture.sandbox, { event: 'documentCreated', ...parameters });
const clone = (value) => JSON.parse(JSON.stringify(value));

/** Calls `after(n)` once the list route has answered its n-th request. */
function afterListRequests(sandbox, after) {
	const list = sandbox.documents.list.bind(sandbox.documents);
	let count = 0;
	sandbox.documents.list = (req) => {
		const reply = list(req);
		after(++count);
		return reply;
	};
}

test('first activation records the newest document and emits nothing; then a poll with nothing new is one request', async () => {
	const { sandbox } = fixture;
	insertDocuments(sandbox, 3, { at: BASE - 5_000 });
	const [newest] = insertDocuments(sandbox, 1, { at: BASE });
	const trigger = created();

	const first = await trigger.poll();
	expect(first.error).toBeUndefined();
	expect(first.result).toBeNull();
	expect(trigger.stored.state).toEqual({ watermark: iso(BASE), seen: { [iso(BASE)]: [newest] } });

	for (let i = 0; i < 3; i++) {
		const quiet = await trigger.poll();
		expect(quiet.json).toEqual([]);
		expect(quiet.requests.map((request) => request.path + request.query)).toEqual([
			`/api/documents?sort=date_desc&dateFrom=${encodeURIComponent(iso(BASE - 1000))}&limit=100`,
		]);
	}
	expect(trigger.stored.state.watermark).toBe(iso(BASE));
});

test('new documents are emitted once, oldest first, shaped as the Documents node outputs them', async () => {
	const { sandbox } = fixture;
	insertDocuments(sandbox, 1, { at: BASE });
	const trigger = created();
	await trigger.poll();
	const [early] = insertDocuments(sandbox, 1, { at: BASE + 10, prefix: 'early' });
	const twins = insertDocuments(sandbox, 2, { at: BASE + 20, prefix: 'twin' });

	const run = await trigger.poll();
	expect(ids(run)).toEqual([early, ...twins]);
	expect(run.json[0]).toMatchObject({
		event: 'documentCreated',
		id: early,
		title: 'early-0',
		createdAt: iso(BASE + 10),
		modelAttributions: [{ modelName: 'gpt-4o', modelProvider: 'openai', contributionType: 'created' }],
	});
	expect(run.json[0].modelAttributions[0].timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
	expect(trigger.stored.state.watermark).toBe(iso(BASE + 20));
	expect((await trigger.poll()).json).toEqual([]);
});

test('250 documents with the same createdAt, across pages, are each emitted once; later ones at that instant too', async () => {
	const { sandbox } = fixture;
	insertDocuments(sandbox, 1, { at: BASE });
	const trigger = created();
	await trigger.poll();

	const burst = insertDocuments(sandbox, 250, { at: BASE + 5_000, prefix: 'burst' });
	const run = await trigger.poll();
	expect(ids(run)).toEqual(burst);
	// The newest-first page, then the window again oldest first in overlapping pages of 100.
	expect(run.requests.map((request) => new URLSearchParams(request.query).get('offset') ?? '0')).toEqual([
		'0',
		'0',
		'90',
		'180',
	]);
	expect(run.requests.every((request) => new URLSearchParams(request.query).get('limit') === '100')).toBe(true);

	const quiet = await trigger.poll();
	expect(quiet.json).toEqual([]);
	expect(quiet.requests).toHaveLength(1);

	const more = insertDocuments(sandbox, 250, { at: BASE + 5_000, prefix: 'more' });
	expect(ids(await trigger.poll())).toEqual(more);
	expect((await trigger.poll()).requests).toHaveLength(1);
	// 500 ids of one instant: the whole state is the watermark and those ids.
	expect(JSON.stringify(trigger.stored).length).toBeLessThan(500 * 40 + 300);
});

test('a burst present at activation is remembered, not emitted; documents added later at that instant are', async () => {
	const { sandbox } = fixture;
	insertDocuments(sandbox, 250, { at: BASE });
	const trigger = created();
	expect((await trigger.poll()).json).toEqual([]);
	expect(Object.values(trigger.stored.state.seen).flat()).toHaveLength(250);
	const late = insertDocuments(sandbox, 5, { at: BASE, prefix: 'late' });
	expect(ids(await trigger.poll())).toEqual(late);
});

test.each([
	['a 500 on the second page', 2, '500'],
	['a connection reset on the second page', 2, 'reset'],
	['a 500 on the first page', 1, '500'],
	['a 500 on the last page', 4, '500'],
])('%s fails the poll, changes no state, and the next poll emits everything', async (_name, nth, mode) => {
	const { sandbox } = fixture;
	insertDocuments(sandbox, 1, { at: BASE });
	const trigger = created();
	await trigger.poll();
	const fresh = Array.from({ length: 250 }, (_, i) => insertDocuments(sandbox, 1, { at: BASE + 1 + i })[0]);
	const before = clone(trigger.staticData);

	failNth(sandbox, nth, { path: DOCUMENTS_LIST, mode });
	const failed = await trigger.poll();
	expect(failed.error).toBeDefined();
	expect(failed.error.constructor.name).toBe('NodeApiError');
	expect(failed.items).toEqual([]);
	expect(trigger.staticData).toEqual(before);

	expect(ids(await trigger.poll())).toEqual(fresh);
	expect((await trigger.poll()).json).toEqual([]);
});

test('a transient 500 is retried within the poll (Max Retries) and nothing is lost', async () => {
	const { sandbox } = fixture;
	const trigger = created({ options: { maxRetries: 1 } });
	await trigger.poll();
	const fresh = insertDocuments(sandbox, 3, { at: BASE });
	failNth(sandbox, 1, { path: DOCUMENTS_LIST, mode: '500' });
	const run = await trigger.poll();
	expect(run.error).toBeUndefined();
	expect(ids(run)).toEqual(fresh);
	expect(run.requests.map((request) => request.status)).toEqual([500, 200]);
});

test('an empty library at activation: every document that appears later is new', async () => {
	const { sandbox } = fixture;
	const trigger = created();
	await trigger.poll();
	expect(trigger.stored.state).toEqual({ watermark: null, seen: {} });
	const fresh = insertDocuments(sandbox, 2, { at: BASE - 86_400_000 });
	expect(ids(await trigger.poll())).toEqual(fresh);
});

test('Fetch Test Event returns the newest document and leaves the stored state alone; a failure throws', async () => {
	const { sandbox } = fixture;
	insertDocuments(sandbox, 2, { at: BASE });
	const [newest] = insertDocuments(sandbox, 1, { at: BASE + 1, prefix: 'newest' });
	const trigger = created();

	const sample = await trigger.poll({ mode: 'manual' });
	expect(ids(sample)).toEqual([newest]);
	expect(trigger.stored).toBeUndefined();

	await trigger.poll();
	const stored = clone(trigger.staticData);
	insertDocuments(sandbox, 1, { at: BASE + 2 });
	await trigger.poll({ mode: 'manual' });
	expect(trigger.staticData).toEqual(stored);

	failNth(sandbox, 1, { path: DOCUMENTS_LIST, mode: '500' });
	const failed = await trigger.poll({ mode: 'manual' });
	expect(failed.error.message).toMatch(/Internal server error|500/);
	expect(trigger.staticData).toEqual(stored);
});

test('deleting the newest seen document loses nothing: the watermark is a timestamp, not an id', async () => {
	const { sandbox } = fixture;
	const [seen] = insertDocuments(sandbox, 1, { at: BASE });
	const trigger = created();
	await trigger.poll();
	sandbox.documents.docs.delete(seen);
	const [next] = insertDocuments(sandbox, 1, { at: BASE + 1 });
	expect(ids(await trigger.poll())).toEqual([next]);
});

test('documents deleted between two page requests do not hide the next ones (pages overlap)', async () => {
	const { sandbox } = fixture;
	const trigger = created();
	insertDocuments(sandbox, 1, { at: BASE });
	await trigger.poll();
	const fresh = Array.from({ length: 300 }, (_, i) => insertDocuments(sandbox, 1, { at: BASE + 1 + i })[0]);
	// Request 1 is the newest-first page, 2 the first oldest-first page: then 5 of its documents go.
	afterListRequests(sandbox, (n) => {
		if (n === 2) for (const id of fresh.slice(10, 15)) sandbox.documents.docs.delete(id);
	});
	const run = await trigger.poll();
	expect(ids(run)).toEqual(fresh);
});

test('the boundary: same millisecond as the watermark, the window start, and just before it', async () => {
	const { sandbox } = fixture;
	insertDocuments(sandbox, 1, { at: BASE });
	const trigger = created();
	await trigger.poll();
	const [sameInstant] = insertDocuments(sandbox, 1, { at: BASE, prefix: 'same' });
	// A row that became visible late, with a created_at just inside the one-second window …
	const [windowStart] = insertDocuments(sandbox, 1, { at: BASE - 1000, prefix: 'start' });
	// … and one older than the window: not seen (the documented limit).
	insertDocuments(sandbox, 1, { at: BASE - 1001, prefix: 'older' });
	expect(ids(await trigger.poll())).toEqual([windowStart, sameInstant]);
	expect(trigger.stored.state.watermark).toBe(iso(BASE));
});

test('timestamps with microseconds (as Postgres keeps them) are read at millisecond precision, never skipping', async () => {
	const { sandbox } = fixture;
	// The list answers "…00.000123+00:00", "…00.000456+00:00": one millisecond, three rows.
	const list = sandbox.documents.list.bind(sandbox.documents);
	sandbox.documents.list = (req) => {
		const reply = list(req);
		reply.json.documents?.forEach((doc, i) => {
			doc.createdAt = doc.createdAt.replace(/Z$/, `${String(100 + i * 7).padStart(3, '0')}+00:00`);
		});
		return reply;
	};
	insertDocuments(sandbox, 1, { at: BASE });
	const trigger = created();
	await trigger.poll();
	expect(trigger.stored.state.watermark).toBe(iso(BASE));
	const twins = insertDocuments(sandbox, 3, { at: BASE, prefix: 'micro' });
	const run = await trigger.poll();
	expect(ids(run)).toEqual(twins);
	expect(run.json.every((item) => item.createdAt === iso(BASE))).toBe(true);
	expect(new URLSearchParams(run.requests[0].query).get('dateFrom')).toBe(iso(BASE - 1000));
	expect((await trigger.poll()).json).toEqual([]);
});

test('filters go to the server (source, repeated tags, model provider) and only matching documents are emitted', async () => {
	const { sandbox } = fixture;
	const trigger = created({
		documentFilters: { source: 'ai_generated', tags: 'finance, q3', modelProvider: 'anthropic' },
	});
	await trigger.poll();
	const claude = { name: 'claude-sonnet-4', provider: 'anthropic' };
	const [match] = insertDocuments(sandbox, 1, { at: BASE, tags: ['q3'], model: claude, prefix: 'match' });
	insertDocuments(sandbox, 1, { at: BASE, tags: ['q3'], prefix: 'openai' });
	insertDocuments(sandbox, 1, { at: BASE, tags: ['other'], model: claude, prefix: 'untagged' });
	insertDocuments(sandbox, 1, { at: BASE, tags: ['q3'], source: 'upload', model: claude, prefix: 'upload' });
	const run = await trigger.poll();
	expect(ids(run)).toEqual([match]);
	const query = new URLSearchParams(run.requests[0].query);
	expect(query.get('source')).toBe('ai_generated');
	expect(query.get('modelProvider')).toBe('anthropic');
	expect(query.getAll('tags')).toEqual(['finance', 'q3']);
});

test('changing the event or a filter starts over: the next poll records and emits nothing', async () => {
	const { sandbox } = fixture;
	const trigger = created();
	await trigger.poll();
	insertDocuments(sandbox, 2, { at: BASE, source: 'upload' });
	trigger.parameters = { ...trigger.parameters, documentFilters: { source: 'upload' } };
	expect((await trigger.poll()).json).toEqual([]);
	const [next] = insertDocuments(sandbox, 1, { at: BASE + 1, source: 'upload' });
	expect(ids(await trigger.poll())).toEqual([next]);
});

test('a backlog of more than 5,000 documents is read over two polls, oldest first, none skipped or repeated', async () => {
	const { sandbox } = fixture;
	const trigger = created();
	insertDocuments(sandbox, 1, { at: BASE });
	await trigger.poll();
	const backlog = [];
	for (let i = 0; i < 5_200; i++) {
		backlog.push(sandbox.documents.insert(PROFILE, { title: `b${i}`, createdAt: BASE + 1 + Math.floor(i / 3) }).id);
	}
	const first = await trigger.poll();
	expect(first.json.length).toBeGreaterThan(4_000);
	expect(first.json.length).toBeLessThan(5_200);
	expect(first.requests).toHaveLength(51);
	const second = await trigger.poll();
	expect([...ids(first), ...ids(second)]).toEqual(backlog);
});
