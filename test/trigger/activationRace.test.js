'use strict';
// Document Created's first activation against the sandbox: a document created while the activation
// poll is reading must not be recorded as seen; the next poll emits it, once.
const { useSandbox } = require('../harness/sandbox');
const { Trigger, ids, insertDocuments } = require('./poller');

const fixture = useSandbox({}, { fresh: 'test' });
const BASE = Date.parse('2026-06-01T00:00:00.000Z');
const iso = (ms) => new Date(ms).toISOString();
const created = () => new Trigger(fixture.sandbox, { event: 'documentCreated' });

/** Inserts a document (25 ms newer than BASE) right after GET /api/documents answers its n-th request from now. */
function insertAfterListRequest(sandbox, n) {
	const list = sandbox.documents.list.bind(sandbox.documents);
	const inserted = [];
	let count = 0;
	sandbox.documents.list = (req) => {
		const reply = list(req);
		if (++count === n) {
			inserted.push(...insertDocuments(sandbox, 1, { at: BASE + 25, prefix: 'during-activation' }));
		}
		return reply;
	};
	return inserted;
}

test('a document created right after the activation read is emitted by the next poll, once', async () => {
	const { sandbox } = fixture;
	insertDocuments(sandbox, 3, { at: BASE - 5_000 });
	const [newest] = insertDocuments(sandbox, 1, { at: BASE });
	const trigger = created();
	const during = insertAfterListRequest(sandbox, 1);

	const activation = await trigger.poll();
	expect(activation.error).toBeUndefined();
	expect(activation.json).toEqual([]);
	expect(during).toHaveLength(1);
	// Recorded exactly up to the newest document the activation read.
	expect(trigger.stored.state).toEqual({ watermark: iso(BASE), seen: { [iso(BASE)]: [newest] } });

	expect(ids(await trigger.poll())).toEqual(during);
	expect((await trigger.poll()).json).toEqual([]);
});

test('a burst at activation read over several pages: a document created between the pages is still emitted', async () => {
	const { sandbox } = fixture;
	const burst = insertDocuments(sandbox, 250, { at: BASE });
	const trigger = created();
	const during = insertAfterListRequest(sandbox, 1);

	const activation = await trigger.poll();
	expect(activation.json).toEqual([]);
	expect(activation.requests.length).toBeGreaterThan(1);
	expect(trigger.stored.state.watermark).toBe(iso(BASE));
	expect(new Set(Object.values(trigger.stored.state.seen).flat())).toEqual(new Set(burst));

	expect(ids(await trigger.poll())).toEqual(during);
	expect((await trigger.poll()).json).toEqual([]);
});
