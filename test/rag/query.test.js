'use strict';
const { TRUNCATION_MARKER } = require('../../sandbox/routes/rag');
const { ragSandbox, runRag, post, DEPLOYMENT, AUTH, RESEARCH, HUGE } = require('./ragSandbox');

let sandbox;
beforeAll(async () => (sandbox = await ragSandbox()));
afterAll(async () => await sandbox.stop());

const ANSWER_START = 'Deployment procedures: build the image';

describe('Ask', () => {
	test('returns the answer text as a field, paired with its input item', async () => {
		const run = await runRag(
			sandbox,
			{ operation: 'ask', query: '={{ $json.question }}' },
			{
				items: [{ question: 'What are the deployment procedures?' }, { question: 'How does login work?' }],
			},
		);
		expect(run.error).toBeUndefined();
		expect(run.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(Object.keys(run.items[0].json).sort()).toEqual(['answer', 'found', 'truncated']);
		expect(run.items[0].json.answer.startsWith(ANSWER_START)).toBe(true);
		expect(run.items[0].json).toMatchObject({ found: true, truncated: false });
		expect(run.items[1].json.answer).toBe(AUTH.text);
	});

	test('no match gives found:false and keeps the server text', async () => {
		const run = await runRag(sandbox, { operation: 'ask', query: 'quantum teleportation' });
		expect(run.items[0].json).toEqual({ answer: 'No relevant documents found', found: false, truncated: false });
	});

	test('a truncated answer keeps the marker and says truncated', async () => {
		const run = await runRag(sandbox, { operation: 'ask', query: 'zebra stripes' });
		const { answer, truncated, found } = run.items[0].json;
		expect(truncated).toBe(true);
		expect(found).toBe(true);
		expect(answer).toHaveLength(10_000 + TRUNCATION_MARKER.length);
		expect(answer.endsWith(TRUNCATION_MARKER)).toBe(true);
		expect(answer.startsWith('Zebra paragraph 0')).toBe(true);
	});
});

describe('Query', () => {
	test('answer with source names and document IDs in the same order, once per document', async () => {
		const run = await runRag(sandbox, { operation: 'query', query: 'deployment' });
		expect(run.error).toBeUndefined();
		const { answer, sources, documentIds, found, truncated } = run.items[0].json;
		expect(answer.startsWith(ANSWER_START)).toBe(true);
		expect(sources).toEqual([DEPLOYMENT.name, AUTH.name]);
		expect(documentIds).toEqual([DEPLOYMENT.id, AUTH.id]);
		expect({ found, truncated }).toEqual({ found: true, truncated: false });
	});

	test('gives the same answer text as Ask: text/plain and JSON read alike', async () => {
		const ask = await runRag(sandbox, { operation: 'ask', query: 'rollback kubectl' });
		const query = await runRag(sandbox, { operation: 'query', query: 'rollback kubectl' });
		expect(query.items[0].json.answer).toBe(ask.items[0].json.answer);
		expect(ask.items[0].json.answer).toContain('kubectl rollout undo');
	});

	test('names the server HTML-escaped (names the server escaped (& < >) come out as written, >) come out as written', async () => {
		const run = await runRag(sandbox, { operation: 'query', query: 'research budget' });
		expect(run.items[0].json.sources).toEqual([RESEARCH.name]);
	});

	test('truncated answers are flagged in JSON too', async () => {
		const run = await runRag(sandbox, { operation: 'query', query: 'zebra' });
		expect(run.items[0].json).toMatchObject({ truncated: true, sources: [HUGE.name], documentIds: [HUGE.id] });
	});

	test('no match: found false, empty lists', async () => {
		const run = await runRag(sandbox, { operation: 'query', query: 'quantum teleportation' });
		expect(run.items[0].json).toEqual({
			answer: 'No relevant documents found',
			sources: [],
			documentIds: [],
			found: false,
			truncated: false,
		});
	});
});

describe('Query With Sources', () => {
	test('sources as {id, name}', async () => {
		const run = await runRag(sandbox, { operation: 'queryWithSources', query: 'deployment' });
		expect(run.items[0].json.sources).toEqual([
			{ id: DEPLOYMENT.id, name: DEPLOYMENT.name },
			{ id: AUTH.id, name: AUTH.name },
		]);
		expect(run.items[0].json.answer.startsWith(ANSWER_START)).toBe(true);
	});
});

describe('Find Relevant Documents', () => {
	test('one item per document, best first, each paired with the input item', async () => {
		const run = await runRag(
			sandbox,
			{ operation: 'findRelevantDocuments', query: 'deployment', limit: 50 },
			{
				items: [{}, {}],
			},
		);
		expect(run.items.map((item) => item.json)).toEqual([
			{ id: DEPLOYMENT.id, name: DEPLOYMENT.name },
			{ id: AUTH.id, name: AUTH.name },
			{ id: DEPLOYMENT.id, name: DEPLOYMENT.name },
			{ id: AUTH.id, name: AUTH.name },
		]);
		expect(run.items.map((item) => item.pairedItem.item)).toEqual([0, 0, 1, 1]);
	});

	test('limit keeps the best N', async () => {
		const run = await runRag(sandbox, { operation: 'findRelevantDocuments', query: 'deployment', limit: 1 });
		expect(run.items.map((item) => item.json.id)).toEqual([DEPLOYMENT.id]);
	});

	test('no match gives no items', async () => {
		const run = await runRag(sandbox, { operation: 'findRelevantDocuments', query: 'quantum teleportation' });
		expect(run.error).toBeUndefined();
		expect(run.items).toEqual([]);
	});
});

describe('sandbox route', () => {
	const auth = () => ({ Authorization: `Bearer ${sandbox.apiKey}` });

	test('text/plain unless includeMetadata is true, then JSON', async () => {
		const text = await post(sandbox, { query: 'deployment' }, auth());
		expect(text.status).toBe(200);
		expect(text.type).toBe('text/plain;charset=UTF-8');
		expect(text.text.startsWith(ANSWER_START)).toBe(true);
		expect(text.text.split('\n\n---\n\n')).toHaveLength(2);

		const notTrue = await post(sandbox, { query: 'deployment', includeMetadata: 'yes' }, auth());
		expect(notTrue.type).toBe('text/plain;charset=UTF-8');

		const json = await post(sandbox, { query: 'deployment', includeMetadata: true }, auth());
		expect(json.type).toBe('application/json');
		expect(JSON.parse(json.text)).toEqual({
			answer: text.text,
			sources: [DEPLOYMENT.name, AUTH.name],
			documentIds: [DEPLOYMENT.id, AUTH.id],
		});
	});

	test('sources are HTML-sanitised as on the server', async () => {
		const json = await post(sandbox, { query: 'research', includeMetadata: true }, auth());
		expect(JSON.parse(json.text).sources).toEqual(['R&amp;D &gt; Plans']);
	});

	test('answers only from the key owner profile', async () => {
		const other = await ragSandbox({ extraKeys: { pg_in_other: { profile: 'profile-other', userId: 'user-other' } } });
		try {
			const reply = await post(other, { query: 'deployment' }, { Authorization: 'Bearer pg_in_other' });
			expect(reply.text).toBe('No relevant documents found');
		} finally {
			await other.stop();
		}
	});

	test('at most top K chunks: 5', async () => {
		sandbox.rag.chunkSize = 300;
		try {
			const reply = await post(sandbox, { query: 'stripes', includeMetadata: true }, auth());
			const { answer, documentIds } = JSON.parse(reply.text);
			expect(answer.split('\n\n---\n\n')).toHaveLength(5);
			expect(documentIds).toEqual([HUGE.id]);
		} finally {
			sandbox.rag.chunkSize = 4000;
		}
	});
});

test('answers from the documents area library (seeded sandbox, no fixture corpus)', async () => {
	const { startSandbox } = require('../../sandbox/server');
	const seeded = await startSandbox({ seed: true });
	try {
		const library = seeded.documents.corpus('profile-sandbox');
		const [document] = library;
		expect(document).toBeDefined();
		// The word of this document that the fewest documents share, so it ranks in the top 5.
		const spread = (word) => library.filter((doc) => doc.text.toLowerCase().includes(word)).length;
		const [word] = document.text
			.toLowerCase()
			.match(/[a-z]{6,}/g)
			.sort((a, b) => spread(a) - spread(b));
		const run = await runRag(seeded, { operation: 'queryWithSources', query: word });
		expect(run.items[0].json.found).toBe(true);
		expect(run.items[0].json.sources.map((source) => source.id)).toContain(document.id);
	} finally {
		await seeded.stop();
	}
});
