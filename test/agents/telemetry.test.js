'use strict';
// PAP's two channels: heartbeats carry liveness only, metrics carry resource telemetry.
const { SEEDED_AGENTS } = require('../../sandbox/routes/agents');
const { PluggedInAgents } = require('../../nodes/PluggedInAgents/PluggedInAgents.node');
const { byId, useSandbox } = require('../harness/sandbox');

const fixture = useSandbox({ seed: true }, { fresh: 'test', node: () => new PluggedInAgents() });
const { run } = fixture;
let sandbox;
beforeEach(() => {
	sandbox = fixture.sandbox;
});
const heartbeat = (agentId, extra = {}) => ({
	operation: 'sendHeartbeat',
	agentId: byId(agentId),
	heartbeatMode: 'IDLE',
	uptimeSeconds: 42,
	...extra,
});

describe('Send Heartbeat', () => {
	test('the first heartbeat of a provisioned agent activates it', async () => {
		const { items } = await run(heartbeat(SEEDED_AGENTS.provisioned));
		expect(items[0].json).toEqual({
			message: 'Heartbeat recorded, agent activated',
			agent_uuid: SEEDED_AGENTS.provisioned,
			mode: 'IDLE',
			uptime_seconds: 42,
			state_transition: { from: 'PROVISIONED', to: 'ACTIVE' },
			activated: true,
		});
		expect(sandbox.agents.agent(SEEDED_AGENTS.provisioned).state).toBe('ACTIVE');
		const next = await run(heartbeat(SEEDED_AGENTS.provisioned, { heartbeatMode: 'EMERGENCY' }));
		expect(next.items[0].json).toMatchObject({
			message: 'Heartbeat recorded',
			state_transition: null,
			activated: false,
		});
	});

	test('a NEW agent records the heartbeat without a transition', async () => {
		const created = (await run({ operation: 'create', name: 'brand-new', image: 'nginx:alpine' })).items[0].json.agent;
		const { items } = await run(heartbeat(created.uuid, { heartbeatMode: 'SLEEP' }));
		expect(items[0].json).toMatchObject({
			message: 'Heartbeat recorded',
			state_transition: null,
			activated: false,
			mode: 'SLEEP',
		});
		expect(sandbox.agents.agent(created.uuid)).toMatchObject({
			state: 'NEW',
			metadata: { last_heartbeat_mode: 'SLEEP' },
			// The column is never written by heartbeats.
			heartbeat_mode: 'IDLE',
		});
	});

	test('a version 1 workflow still sends its Mode, saved as `mode`', async () => {
		const { items, error } = await run(
			{ operation: 'sendHeartbeat', agentId: byId(SEEDED_AGENTS.active), mode: 'EMERGENCY', uptimeSeconds: 3 },
			{ typeVersion: 1 },
		);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ mode: 'EMERGENCY', uptime_seconds: 3 });
		expect(sandbox.agents.agent(SEEDED_AGENTS.active).metadata.last_heartbeat_mode).toBe('EMERGENCY');
	});

	test('version 2 ignores a leftover `mode` and sends Mode (heartbeatMode)', async () => {
		const { items } = await run(heartbeat(SEEDED_AGENTS.active, { mode: 'EMERGENCY', heartbeatMode: 'SLEEP' }));
		expect(items[0].json).toMatchObject({ mode: 'SLEEP' });
	});

	test('has no telemetry field, so the server never refuses it for carrying one', () => {
		const fields = new PluggedInAgents().description.properties
			.filter((property) => property.displayOptions?.show?.operation?.includes('sendHeartbeat'))
			.flatMap((property) => [property.name, ...(property.options ?? []).map((option) => option.name)]);
		expect(fields).toEqual(expect.arrayContaining(['agentId', 'mode', 'uptimeSeconds', 'timestamp']));
		expect(fields.filter((name) => /cpu|memory|request|custom|metric/i.test(name))).toEqual([]);
	});

	test('a recent timestamp passes; one older than 2 intervals is refused with the ages in words', async () => {
		const fresh = await run(
			heartbeat(SEEDED_AGENTS.active, { options: { timestamp: new Date(Date.now() - 1000).toISOString() } }),
		);
		expect(fresh.error).toBeUndefined();
		const stale = new Date(Date.now() - 120_000).toISOString();
		const { error } = await run(heartbeat(SEEDED_AGENTS.active, { options: { timestamp: stale } }));
		expect(error.message).toBe('Plugged.in: Heartbeat timestamp too old (potential replay attack)');
		expect(error.description).toMatch(/The timestamp was 12\d s old; this mode accepts at most 60 s/);
		const unreadable = await run(heartbeat(SEEDED_AGENTS.active, { options: { timestamp: 'yesterday-ish' } }));
		expect(unreadable.error.message).toContain('"Timestamp" (timestamp): is not a date');
		expect(sandbox.count('POST', /heartbeat$/)).toBe(2);
	});

	test('a negative uptime fails before sending', async () => {
		const { error } = await run(heartbeat(SEEDED_AGENTS.active, { uptimeSeconds: -1 }));
		expect(error.message).toContain('"Uptime (Seconds)" (uptimeSeconds): cannot be negative');
		expect(sandbox.count('POST')).toBe(0);
	});
});

describe('Send Metrics', () => {
	test('sends resource telemetry on its own channel; the server rounds CPU and memory', async () => {
		const { items } = await run({
			operation: 'sendMetrics',
			agentId: byId(SEEDED_AGENTS.active),
			cpuPercent: 12.6,
			memoryMb: 128.4,
			requestsHandled: 45,
			customMetrics: '{"queue_depth": 3, "cache_hit_rate": 0.85}',
		});
		expect(items[0].json).toEqual({
			message: 'Metrics recorded',
			agent_uuid: SEEDED_AGENTS.active,
			cpu_percent: 13,
			memory_mb: 128,
			requests_handled: 45,
		});
		const details = (await run({ operation: 'get', agentId: byId(SEEDED_AGENTS.active) })).items[0].json;
		expect(details.recentMetrics[0]).toMatchObject({
			cpu_percent: 13,
			custom_metrics: { queue_depth: 3, cache_hit_rate: 0.85 },
		});
		// Heartbeats stay liveness only.
		expect(Object.keys(details.recentHeartbeats[0]).sort()).toEqual([
			'agent_uuid',
			'id',
			'mode',
			'timestamp',
			'uptime_seconds',
		]);
	});

	test('requests handled must be a whole number (an integer column on the server)', async () => {
		const { error } = await run({
			operation: 'sendMetrics',
			agentId: byId(SEEDED_AGENTS.active),
			cpuPercent: 1,
			memoryMb: 1,
			requestsHandled: 4.5,
		});
		expect(error.message).toContain('"Requests Handled" (requestsHandled): must be a whole number');
		expect(sandbox.count('POST')).toBe(0);
	});
});

describe('The sandbox keeps the channels apart as the server does', () => {
	const post = async (path, body) => {
		const response = await fetch(sandbox.url + path, {
			method: 'POST',
			headers: { Authorization: `Bearer ${sandbox.apiKey}`, 'Content-Type': 'application/json' },
			body: JSON.stringify(body),
		});
		return { status: response.status, body: await response.json() };
	};

	test('a heartbeat carrying any telemetry field is refused', async () => {
		for (const field of ['cpu_percent', 'memory_mb', 'requests_handled', 'custom_metrics']) {
			const answer = await post(`/api/agents/${SEEDED_AGENTS.active}/heartbeat`, {
				mode: 'IDLE',
				uptime_seconds: 1,
				[field]: 1,
			});
			expect(answer).toEqual({
				status: 400,
				body: {
					error: `Field "${field}" not allowed in heartbeat. Use /metrics endpoint for resource telemetry.`,
					zombie_prevention: 'PAP-RFC-001 §8.1 requires strict heartbeat/metrics separation',
				},
			});
		}
	});

	test('metrics need all three numbers', async () => {
		const answer = await post(`/api/agents/${SEEDED_AGENTS.active}/metrics`, { cpu_percent: 1, memory_mb: 2 });
		expect(answer).toEqual({
			status: 400,
			body: { error: 'Fields "cpu_percent", "memory_mb", and "requests_handled" are required' },
		});
	});
});
