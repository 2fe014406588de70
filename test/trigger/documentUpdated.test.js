'use strict';
// Document Updated: the server cannot filter on updatedAt, so every poll reads the whole library;
// the state stays a watermark on updatedAt plus the id@version keys of its last second.
const { useSandbox } = require('../harness/sandbox');
const { DOCUMENTS_LIST, Trigger, appendToDocument, failNth, ids, insertDocuments } = require('./poller');

const fixture = useSandbox({}, { fresh: 'test' });
const BASE = Date.parse('2026-06-01T00:00:00.000Z');
const updated = (parameters = {}) => new Trigger(fixture.sandbox, { event: 'documentUpdated', ...parameters });

test('first activation records, then each new version is emitted once; new documents are not updates', async () => {
	const { sandbox } = fixture;
	const [old, other] = insertDocuments(sandbox, 2, { at: BASE });
	await appendToDocument(sandbox, old);
	const trigger = updated();
	expect((await trigger.poll()).json).toEqual([]);

	await appendToDocument(sandbox, other);
	insertDocuments(sandbox, 1, { prefix: 'brand-new' });
	const run = await trigger.poll();
	expect(ids(run)).toEqual([other]);
	expect(run.json[0]).toMatchObject({ event: 'documentUpdated', id: other, version: 2 });
	expect((await trigger.poll()).json).toEqual([]);

	// Two updates between polls: one item, at the newest version.
	await appendToDocument(sandbox, old);
	await appendToDocument(sandbox, old);
	const twice = await trigger.poll();
	expect(twice.json.map((item) => [item.id, item.version])).toEqual([[old, 4]]);
});

test('an update in the same millisecond as an earlier one of the same document is still a new version', async () => {
	const { sandbox } = fixture;
	const [doc] = insertDocuments(sandbox, 1, { at: BASE });
	const trigger = updated();
	await trigger.poll();
	const stored = sandbox.documents.docs.get(doc);
	const at = Date.parse('2026-06-02T00:00:00.000Z');
	sandbox.documents.newVersion(stored, 'v2', {
		createdByModel: {},
		changeSummary: '',
		operation: 'replace',
		previous: '',
		at,
	});
	expect((await trigger.poll()).json.map((item) => item.version)).toEqual([2]);
	sandbox.documents.newVersion(stored, 'v3', {
		createdByModel: {},
		changeSummary: '',
		operation: 'replace',
		previous: '',
		at,
	});
	expect((await trigger.poll()).json.map((item) => item.version)).toEqual([3]);
});

test('the whole library is read every poll, in overlapping pages of 100; a quiet small library is one request', async () => {
	const { sandbox } = fixture;
	insertDocuments(sandbox, 50, { at: BASE });
	const trigger = updated();
	await trigger.poll();
	expect((await trigger.poll()).requests).toHaveLength(1);

	const many = insertDocuments(sandbox, 200, { at: BASE + 1 });
	expect(
		(await trigger.poll()).requests.map((request) => new URLSearchParams(request.query).get('offset') ?? '0'),
	).toEqual(['0', '90', '180']);
	for (const id of [many[0], many[199]]) await appendToDocument(sandbox, id);
	expect(ids(await trigger.poll()).sort()).toEqual([many[0], many[199]].sort());
	// The state holds only the last second's updates, whatever the library's size.
	expect(Object.values(trigger.stored.state.seen).flat()).toHaveLength(2);
});

test('a failure on a later page changes nothing; the next poll emits the update', async () => {
	const { sandbox } = fixture;
	const docs = insertDocuments(sandbox, 150, { at: BASE });
	const trigger = updated();
	await trigger.poll();
	await appendToDocument(sandbox, docs[0]);
	const before = JSON.parse(JSON.stringify(trigger.staticData));
	failNth(sandbox, 2, { path: DOCUMENTS_LIST, mode: 'reset' });
	const failed = await trigger.poll();
	expect(failed.error).toBeDefined();
	expect(trigger.staticData).toEqual(before);
	expect(ids(await trigger.poll())).toEqual([docs[0]]);
});

test('filters are sent to the server; Fetch Test Event shows the most recently updated document', async () => {
	const { sandbox } = fixture;
	const [upload] = insertDocuments(sandbox, 1, { at: BASE, tags: ['x'] });
	const [later] = insertDocuments(sandbox, 1, { at: BASE + 1, tags: ['x'] });
	await appendToDocument(sandbox, later);
	await appendToDocument(sandbox, upload);
	const trigger = updated({ documentFilters: { tags: 'x' } });
	const sample = await trigger.poll({ mode: 'manual' });
	expect(ids(sample)).toEqual([upload]);
	expect(new URLSearchParams(sample.requests[0].query).getAll('tags')).toEqual(['x']);
	expect(trigger.stored).toBeUndefined();
});
