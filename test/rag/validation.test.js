'use strict';
const fc = require('fast-check');
const { queryProblem } = require('../../nodes/PluggedInRag/queryText');
const { acceptedQuery } = require('../../sandbox/routes/rag');
const { ragSandbox, runRag, post, ragRequests } = require('./ragSandbox');

let sandbox;
beforeAll(async () => (sandbox = await ragSandbox()));
afterAll(async () => await sandbox.stop());

describe('queries the server would refuse fail before any request', () => {
	const cases = [
		['empty', '', /The query is empty/],
		['over 1000 characters', 'deployment '.repeat(100), /1100 characters long; Plugged.in accepts at most 1000/],
		['a caret', 'x^2 deployment', /rejects: "\^"/],
		['a backslash', 'C:\\deploy', /rejects: "\\"/],
		['a control character', 'deploy\u0007ment', /rejects: U\+0007/],
		['only HTML', '<p> </p><script>deployment</script>', /no text left once Plugged.in removes HTML tags/],
		['only spaces', '   ', /no text left/],
		['an entity that decodes to a refused character', 'x&#94;2', /rejects: "\^"/],
	];
	test.each(cases)('%s', async (_, query, reason) => {
		const before = ragRequests(sandbox);
		for (const operation of ['ask', 'query', 'queryWithSources', 'findRelevantDocuments']) {
			// Through an expression, as queries usually come: a literal empty value n8n refuses itself.
			const run = await runRag(sandbox, { operation, query: '={{ $json.q }}' }, { items: [{ q: query }] });
			expect(run.items).toEqual([]);
			expect(run.error.message).toMatch(/^Invalid parameter "Query" \(query\): The query /);
			expect(run.error.message).toMatch(reason);
			expect(run.error.message).toMatch(/\[item 0\]$/);
		}
		expect(ragRequests(sandbox)).toBe(before);
		expect(acceptedQuery(query)).toBeUndefined();
	});

	test('with Continue On Fail the item becomes an error item paired with its input', async () => {
		const before = ragRequests(sandbox);
		const run = await runRag(
			sandbox,
			{ operation: 'ask', query: '={{ $json.q }}' },
			{
				items: [{ q: 'deployment' }, { q: 'a^b' }],
				continueOnFail: true,
			},
		);
		expect(run.items[0].json.found).toBe(true);
		expect(run.items[1]).toEqual({
			json: expect.objectContaining({
				error: expect.objectContaining({ message: expect.stringMatching(/rejects: "\^".*\[item 1\]/) }),
			}),
			pairedItem: { item: 1 },
		});
		expect(ragRequests(sandbox)).toBe(before + 1);
	});
});

describe('queries the server accepts are sent as written', () => {
	test.each([
		['HTML around words (the server strips it)', '<b>deployment</b> procedures'],
		['a bare < and > (the server escapes them)', 'deployment < rollback > 2'],
		['backticks and the punctuation of the whitelist', '`deployment` -_.,!?\'"():;@#$%&*+=/[]{}|~'],
		['non-ASCII and emoji', 'Déploiement 部署 🚀 deployment'],
		['exactly 1000 characters', 'deployment '.repeat(91).slice(0, 1000)],
	])('%s', async (_, query) => {
		const before = ragRequests(sandbox);
		const run = await runRag(sandbox, { operation: 'ask', query });
		expect(run.error).toBeUndefined();
		expect(run.items[0].json.found).toBe(true);
		expect(ragRequests(sandbox)).toBe(before + 1);
	});
});

test('the node and the sandbox accept exactly the same queries', () => {
	const pieces = fc.constantFrom(
		'a',
		' ',
		'^',
		'\\',
		'<',
		'>',
		'<b>',
		'</b>',
		'<script>',
		'&',
		'&#94;',
		'&amp;',
		'\u0001',
		'\t',
		'é',
		'`',
		'<!--',
		'-->',
		'</',
		'<!x>',
	);
	const query = fc.oneof(
		fc.string({ unit: 'binary-ascii', maxLength: 30 }),
		fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join('')),
		fc.string({ unit: 'binary', maxLength: 20 }),
	);
	fc.assert(
		fc.property(query, (text) => (queryProblem(text) === undefined) === (acceptedQuery(text) !== undefined)),
		{ numRuns: 2000, seed: 42 },
	);
	expect(queryProblem('x'.repeat(1001))).toBeDefined();
	expect(acceptedQuery('x'.repeat(1001))).toBeUndefined();
});

describe('the route validates before auth (contract §3.1, §8)', () => {
	test.each([
		['an empty body', ''],
		['an empty object', {}],
		['malformed JSON', '{"query":'],
		['a query that is not a string', { query: 42 }],
		['a refused character', { query: 'a^b' }],
		['only HTML', { query: '<i></i>' }],
	])('%s → 400 Invalid input format, without auth', async (_, body) => {
		const reply = await post(sandbox, body);
		expect(reply.status).toBe(400);
		expect(JSON.parse(reply.text)).toEqual({ error: 'Invalid input format' });
	});

	test('a valid body without auth → 401, a bad key → 401 Invalid API key', async () => {
		const missing = await post(sandbox, { query: 'deployment' });
		expect(missing.status).toBe(401);
		expect(JSON.parse(missing.text)).toEqual({ error: 'Authorization header with Bearer token is required' });
		const bad = await post(sandbox, { query: 'deployment' }, { Authorization: 'Bearer pg_in_wrong' });
		expect(bad.status).toBe(401);
		expect(JSON.parse(bad.text)).toEqual({ error: 'Invalid API key' });
	});
});
