'use strict';
const { ragSandbox, runRag, post, ragRequests } = require('./ragSandbox');

describe('RAG switched on', () => {
	let sandbox;
	beforeAll(async () => (sandbox = await ragSandbox()));
	afterAll(async () => await sandbox.stop());

	test('Check Availability sends the SDK probe query and says available', async () => {
		const before = ragRequests(sandbox);
		const run = await runRag(sandbox, { operation: 'checkAvailability' });
		expect(run.items).toEqual([{ json: { available: true }, pairedItem: { item: 0 } }]);
		expect(ragRequests(sandbox)).toBe(before + 1);
		// The probe itself is a query the server accepts.
		const probe = await post(
			sandbox,
			{ query: '__pluggedin_health_check__' },
			{ Authorization: `Bearer ${sandbox.apiKey}` },
		);
		expect(probe.status).toBe(200);
	});

	test('a bad API key: available false with the server reason, the workflow goes on', async () => {
		const run = await runRag(sandbox, { operation: 'checkAvailability' }, { apiKey: 'pg_in_wrong' });
		expect(run.error).toBeUndefined();
		expect(run.items[0].json).toEqual({ available: false, reason: 'Invalid API key', httpCode: '401' });
	});

	test('a 5xx is retried: the query is read-only', async () => {
		sandbox.faults.script({ mode: '500', path: /^\/api\/rag\/query$/ });
		const before = ragRequests(sandbox);
		const run = await runRag(sandbox, { operation: 'ask', query: 'deployment', options: { maxRetries: 1 } });
		expect(run.error).toBeUndefined();
		expect(run.items[0].json.found).toBe(true);
		expect(ragRequests(sandbox)).toBe(before + 2);
	});

	test('switching RAG off at run time', async () => {
		sandbox.rag.enabled = false;
		try {
			const run = await runRag(sandbox, { operation: 'checkAvailability' });
			expect(run.items[0].json).toEqual({ available: false, reason: 'RAG is not enabled', httpCode: '500' });
		} finally {
			sandbox.rag.enabled = true;
		}
		const again = await runRag(sandbox, { operation: 'checkAvailability' });
		expect(again.items[0].json).toEqual({ available: true });
	});
});

describe('RAG switched off (sandbox option ragEnabled: false)', () => {
	let sandbox;
	beforeAll(async () => (sandbox = await ragSandbox({ ragEnabled: false })));
	afterAll(async () => await sandbox.stop());

	test('the route answers 500 RAG is not enabled in both forms, after validation and auth', async () => {
		const auth = { Authorization: `Bearer ${sandbox.apiKey}` };
		for (const includeMetadata of [false, true]) {
			const reply = await post(sandbox, { query: 'deployment', includeMetadata }, auth);
			expect(reply.status).toBe(500);
			expect(JSON.parse(reply.text)).toEqual({ error: 'RAG is not enabled' });
		}
		expect((await post(sandbox, {})).status).toBe(400);
		expect((await post(sandbox, { query: 'deployment' })).status).toBe(401);
	});

	test('Check Availability: available false with the reason, without retrying', async () => {
		const before = ragRequests(sandbox);
		const run = await runRag(sandbox, { operation: 'checkAvailability', options: { maxRetries: 5 } });
		expect(run.error).toBeUndefined();
		expect(run.items).toEqual([
			{ json: { available: false, reason: 'RAG is not enabled', httpCode: '500' }, pairedItem: { item: 0 } },
		]);
		expect(ragRequests(sandbox)).toBe(before + 1);
	});

	test('Ask fails at once with a clear error', async () => {
		const before = ragRequests(sandbox);
		const run = await runRag(sandbox, { operation: 'ask', query: 'deployment', options: { maxRetries: 5 } });
		expect(run.items).toEqual([]);
		expect(run.error.message).toBe('Plugged.in: RAG is not enabled');
		expect(run.error.description).toMatch(/switched off on this Plugged.in server.*Check Availability/);
		expect(run.error.httpCode).toBe('500');
		expect(ragRequests(sandbox)).toBe(before + 1);
	});

	test('Get Storage Stats fails at once with the same message (a running 3.3.0 answered it 500, as a query)', async () => {
		const before = sandbox.count('GET', '/api/rag/storage-stats');
		const run = await runRag(sandbox, { operation: 'getStorageStats', userId: 'user-sandbox', options: { maxRetries: 5 } });
		expect(run.error.message).toBe('Plugged.in: RAG is not enabled');
		expect(run.error.description).toMatch(/switched off on this Plugged.in server/);
		expect(run.error.httpCode).toBe('500');
		expect(sandbox.count('GET', '/api/rag/storage-stats')).toBe(before + 1);
	});

	test('with Continue On Fail every operation gives an error item paired with its input', async () => {
		for (const operation of ['ask', 'query', 'queryWithSources', 'findRelevantDocuments']) {
			const run = await runRag(sandbox, { operation, query: 'deployment' }, { items: [{}, {}], continueOnFail: true });
			expect(run.error).toBeUndefined();
			expect(run.items).toEqual(
				[0, 1].map((item) => ({
					json: {
						error: {
							message: 'Plugged.in: RAG is not enabled',
							description: expect.stringContaining('switched off'),
							httpCode: '500',
						},
					},
					pairedItem: { item },
				})),
			);
		}
	});
});
