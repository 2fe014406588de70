'use strict';
const { ragSandbox, runRag } = require('./ragSandbox');

const ZERO_ESTIMATE = {
	documents_count: 0,
	total_chunks: 0,
	estimated_storage_mb: 0,
	vectors_count: 0,
	embedding_dimension: 1536,
	is_estimate: true,
};
const OTHER_KEY = 'pg_in_' + 'other'.padEnd(64, '1');

let sandbox;
beforeAll(
	async () =>
		(sandbox = await ragSandbox({ extraKeys: { [OTHER_KEY]: { profile: 'profile-other', userId: 'user-other' } } })),
);
afterAll(async () => await sandbox.stop());

const stats = (query, headers = {}) =>
	fetch(`${sandbox.url}/api/rag/storage-stats${query}`, { headers }).then(async (response) => ({
		status: response.status,
		body: await response.json(),
	}));
const statsRequests = () => sandbox.count('GET', '/api/rag/storage-stats');

describe('Get Storage Stats', () => {
	test('the key owner gets the snake_case stats, sent as user_id', async () => {
		const run = await runRag(sandbox, { operation: 'getStorageStats', userId: 'user-sandbox' });
		expect(run.items).toEqual([{ json: ZERO_ESTIMATE, pairedItem: { item: 0 } }]);
		expect(sandbox.log.at(-1)).toMatchObject({ method: 'GET', query: '?user_id=user-sandbox', status: 200 });
	});

	test('each key answers for its own owner only', async () => {
		const run = await runRag(sandbox, { operation: 'getStorageStats', userId: 'user-other' }, { apiKey: OTHER_KEY });
		expect(run.items[0].json).toEqual(ZERO_ESTIMATE);
	});

	test("another user's ID: 403, with where to find the owner's ID", async () => {
		const run = await runRag(sandbox, { operation: 'getStorageStats', userId: 'user-other' });
		expect(run.error.message).toBe('Plugged.in: Forbidden');
		expect(run.error.httpCode).toBe('403');
		expect(run.error.description).toMatch(/"user-other" is not the owner of this API key.*CREATED lifecycle event/);
	});

	test('an empty user ID fails before any request', async () => {
		const before = statsRequests();
		const run = await runRag(
			sandbox,
			{ operation: 'getStorageStats', userId: '={{ $json.id }}' },
			{ items: [{ id: ' ' }] },
		);
		expect(run.error.message).toMatch(/^Invalid parameter "User ID" \(userId\): Give the user ID of the API key owner/);
		expect(statsRequests()).toBe(before);
	});

	test('the user ID parameter tells where to find it', () => {
		const { PluggedInRag } = require('../../nodes/PluggedInRag/PluggedInRag.node');
		const field = new PluggedInRag().description.properties.find((property) => property.name === 'userId');
		expect(field.description).toMatch(/owner.*metadata\.triggered_by.*CREATED lifecycle event/);
	});
});

describe('sandbox route (contract §3.2)', () => {
	const UNAUTHORIZED = { error: 'Unauthorized', code: 'UNAUTHORIZED' };

	test('no or bad credentials → 401 with the route own body, before the user_id check', async () => {
		expect(await stats('?user_id=user-sandbox')).toEqual({ status: 401, body: UNAUTHORIZED });
		expect(await stats('', { Authorization: 'Bearer pg_in_wrong' })).toEqual({ status: 401, body: UNAUTHORIZED });
		expect(await stats('?user_id=user-sandbox', { Authorization: sandbox.apiKey })).toEqual({
			status: 401,
			body: UNAUTHORIZED,
		});
	});

	test('missing user_id → 400, someone else → 403, the owner → 200', async () => {
		const headers = { Authorization: `Bearer ${sandbox.apiKey}` };
		expect(await stats('', headers)).toEqual({ status: 400, body: { error: 'user_id parameter is required' } });
		expect(await stats('?user_id=', headers)).toEqual({
			status: 400,
			body: { error: 'user_id parameter is required' },
		});
		expect(await stats('?user_id=user-other', headers)).toEqual({
			status: 403,
			body: { error: 'Forbidden', code: 'FORBIDDEN' },
		});
		expect(await stats('?user_id=user-sandbox', headers)).toEqual({ status: 200, body: ZERO_ESTIMATE });
	});
});
