'use strict';
// The fault suite's own measurement: it must see a lost item and a duplicated write when a node has them.
const { executeOperation, operationProperties } = require('../../nodes/shared/operations');
const { SCENARIOS } = require('./scenarios');
const { runScenario, SETTINGS } = require('./suite');
const { classifyRun, warnsMaybeApplied } = require('./tally');

const push = SCENARIOS.find((scenario) => scenario.name === 'clipboard push');
/** One item at a time: the seeded faults then meet the same requests on every run. */
const FAST = { ...SETTINGS, ratio: 0.5, maxRetries: 1, parallel: 1 };

/** A push node built on the shared layer, with one thing done wrong. */
function faultyPushNode(execute) {
	const operation = {
		option: { name: 'Push', value: 'push', action: 'Push' },
		fields: [{ displayName: 'Value', name: 'value', type: 'string', default: '' }],
		execute,
	};
	return class FaultyPush {
		description = {
			displayName: 'Faulty Push',
			name: 'faultyPush',
			group: ['transform'],
			version: 1,
			description: 'Pushes like the clipboard node, but wrongly',
			defaults: { name: 'Faulty Push' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'pluggedInApi', required: true }],
			properties: operationProperties([operation], 'push'),
		};
		async execute() {
			return await executeOperation(this, [operation]);
		}
	};
}

const pushBody = (ctx, itemIndex) => ({ value: ctx.getNodeParameter('value', itemIndex), source: 'sdk' });

test('a push sent again after a lost answer is counted as a duplicated write', async () => {
	const RetriesWrites = faultyPushNode(async ({ ctx, api, itemIndex }) => {
		// Wrong on purpose: a push is not idempotent, so a 500 after the server applied it must not be retried.
		const answer = await api.request({
			method: 'POST',
			path: '/api/clipboard/push',
			body: pushBody(ctx, itemIndex),
			idempotent: true,
			itemIndex,
		});
		return answer.entry;
	});
	const scenario = { ...push, node: () => new RetriesWrites() };
	// Seed 8 opens with two 500s after the write: item 0 is applied, retried, applied again.
	const result = await runScenario(scenario, '500', { count: 3, seed: 8, retryAfterSeconds: 0, settings: FAST });
	expect(result.injected).toBeGreaterThan(0);
	expect(result.duplicated).toBeGreaterThan(0);
	expect(result.lost).toBe(0);
});

test('an item that gives no output is counted as lost', async () => {
	const DropsAnItem = faultyPushNode(async ({ ctx, api, itemIndex }) => {
		const answer = await api.request({
			method: 'POST',
			path: '/api/clipboard/push',
			body: pushBody(ctx, itemIndex),
			itemIndex,
		});
		return itemIndex === 3 ? [] : answer.entry;
	});
	const scenario = { ...push, node: () => new DropsAnItem() };
	const result = await runScenario(scenario, '429', {
		count: 6,
		seed: 3,
		retryAfterSeconds: 0,
		settings: { ...FAST, ratio: 0 },
	});
	expect(result.lost).toBe(1);
	expect(result.failures).toEqual([expect.objectContaining({ item: 3, status: 'lost', problem: 'no output' })]);
});

test('the real push under lost connections: nothing lost or doubled, failures say they may have been applied', async () => {
	const result = await runScenario(push, 'reset', { count: 10, seed: 11, retryAfterSeconds: 0, settings: FAST });
	expect(result.injected).toBeGreaterThan(0);
	expect(result).toMatchObject({ sent: 10, lost: 0, duplicated: 0, unwarned: 0 });
	expect(result.reported).toBeGreaterThan(0);
	for (const failure of result.failures) {
		expect(failure.reason).toMatch(/^The connection to Plugged\.in at http.* was lost$/);
		expect(failure.description).toMatch(/may already have been applied/);
	}
});

describe('classifyRun', () => {
	const plan = { verify: (json) => json.ok === true };
	const success = (item) => ({ json: { ok: true }, pairedItem: { item } });
	const failure = (item, error = 'Plugged.in: Internal server error') => ({ json: { error }, pairedItem: { item } });
	/** The version 2 shape: `{error: {message, description?, httpCode?}}`. */
	const nestedFailure = (item, message = 'Plugged.in: Internal server error', fields = {}) => ({
		json: { error: { message, ...fields } },
		pairedItem: { item },
	});

	test('an error item with its pairedItem and a reason is reported; a wrong, unpaired or mixed output is lost', () => {
		const run = {
			items: [
				success(0),
				failure(1),
				{ json: { ok: false }, pairedItem: { item: 2 } },
				{ json: { ok: true } },
				success(4),
				failure(4),
				failure(5, ' '),
			],
		};
		expect(classifyRun(run, 6, plan).map((outcome) => outcome.status)).toEqual([
			'succeeded',
			'reported',
			'lost',
			'lost',
			'lost',
			'lost',
		]);
	});

	test('a version 2 error item is read the same way: its message, description and httpCode reported', () => {
		const run = {
			items: [
				nestedFailure(0, 'Plugged.in: Internal server error', {
					description: 'It may have been applied.',
					httpCode: '500',
				}),
				nestedFailure(1, ' '),
				success(2),
				nestedFailure(2),
				{ json: { error: { message: 'x' }, extra: true }, pairedItem: { item: 3 } },
			],
		};
		expect(classifyRun(run, 4, plan)).toEqual([
			{
				status: 'reported',
				reason: 'Plugged.in: Internal server error',
				description: 'It may have been applied.',
				httpCode: '500',
			},
			expect.objectContaining({ status: 'lost' }),
			expect.objectContaining({ status: 'lost' }),
			expect.objectContaining({ status: 'lost' }),
		]);
	});

	test('a failed write must say it may have been applied, unless the server refused it (4xx)', () => {
		expect(warnsMaybeApplied({ httpCode: '500', description: 'It may already have been applied.' })).toBe(true);
		expect(warnsMaybeApplied({ httpCode: '500', description: 'It was retried.' })).toBe(false);
		expect(warnsMaybeApplied({ description: 'Network error' })).toBe(false);
		expect(warnsMaybeApplied({ httpCode: '429', description: 'Rate limited' })).toBe(true);
	});
});
