'use strict';
// No output of the node carries the agent's model router token (or another credential).
const { startSandbox } = require('../../sandbox/server');
const { SEEDED_AGENTS } = require('../../sandbox/routes/agents');
const { runNode } = require('../harness/engine');
const { PluggedInAgents } = require('../../nodes/PluggedInAgents/PluggedInAgents.node');
const { withoutSecrets, REDACTED } = require('../../nodes/shared/resources/agents');

describe('withoutSecrets', () => {
	test('drops the token at any depth, redacts secret metadata and credential-shaped values', () => {
		const key = 'pg_in_' + 'a'.repeat(64);
		const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
		const cleaned = withoutSecrets({
			agent: {
				model_router_token: jwt,
				model_router_token_issued_at: '2026-11-30T07:00:00.000Z',
				model_router_token_revoked: false,
				metadata: { env_overrides: { OPENAI_API_KEY: 'sk-1', LOG_LEVEL: 'debug' }, db_password: 'x', team: 'ops' },
			},
			list: [{ model_router_token: jwt, name: 'a' }],
			note: key,
			passthrough: 'eyJ not a token',
		});
		expect(cleaned).toEqual({
			agent: {
				model_router_token_issued_at: '2026-11-30T07:00:00.000Z',
				model_router_token_revoked: false,
				metadata: {
					env_overrides: { OPENAI_API_KEY: REDACTED, LOG_LEVEL: 'debug' },
					db_password: REDACTED,
					team: 'ops',
				},
			},
			list: [{ name: 'a' }],
			note: REDACTED,
			passthrough: 'eyJ not a token',
		});
	});

	test('leaves non-objects alone', () => {
		expect(withoutSecrets(null)).toBeNull();
		expect(withoutSecrets([1, 'a'])).toEqual([1, 'a']);
	});
});

describe('every operation strips the token', () => {
	let sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ seed: true });
	});
	afterAll(async () => {
		await sandbox.stop();
	});

	test('no output contains model_router_token or its value', async () => {
		const run = (parameters) =>
			runNode(new PluggedInAgents(), parameters, { credentials: { apiKey: sandbox.apiKey, baseUrl: sandbox.url } });
		const agentId = { __rl: true, mode: 'id', value: SEEDED_AGENTS.active };
		const other = { __rl: true, mode: 'id', value: SEEDED_AGENTS.provisioned };
		const token = sandbox.agents.agent(SEEDED_AGENTS.active).model_router_token;
		expect(token).toMatch(/^eyJ/);
		const runs = {
			create: {
				operation: 'create',
				name: 'secret-keeper',
				image: 'nginx:alpine',
				additionalFields: { envOverrides: '{"OPENAI_API_KEY": "sk-live-123"}' },
			},
			getMany: { operation: 'getMany', returnAll: true, simplify: false },
			get: { operation: 'get', agentId },
			update: { operation: 'update', agentId, updateFields: { metadata: '{"api_token": "t-123", "team": "ops"}' } },
			export: { operation: 'export', agentId, includeTelemetry: true },
			sendHeartbeat: { operation: 'sendHeartbeat', agentId, mode: 'IDLE', uptimeSeconds: 5 },
			sendMetrics: { operation: 'sendMetrics', agentId, cpuPercent: 1, memoryMb: 2, requestsHandled: 3 },
			getQuota: { operation: 'getQuota' },
			getLogs: { operation: 'getLogs', agentId },
			suspend: { operation: 'suspend', agentId },
			resume: { operation: 'resume', agentId },
			waitForState: {
				operation: 'waitForState',
				agentId,
				targetState: 'PROVISIONED',
				timeoutSeconds: 5,
				pollIntervalSeconds: 1,
			},
			changeState: { operation: 'changeState', agentId, fromState: 'PROVISIONED', toState: 'ACTIVE' },
			shutdown: { operation: 'shutdown', agentId },
			restart: { operation: 'restart', agentId: other },
			delete: { operation: 'delete', agentId },
		};
		for (const [name, parameters] of Object.entries(runs)) {
			const { items, error } = await run(parameters);
			expect({ name, error }).toEqual({ name, error: undefined });
			const text = JSON.stringify(items);
			expect({ name, leaks: text.includes('"model_router_token"') || text.includes(token) }).toEqual({
				name,
				leaks: false,
			});
			expect(text).not.toContain('sk-live-123');
			expect(text).not.toContain('t-123');
		}
		// There was something to strip: the server still holds and sends the token.
		expect(sandbox.agents.agent(SEEDED_AGENTS.active).model_router_token).toBe(token);
	});
});
