'use strict';
// Create, Get Many, Get, Update, Delete, Export, Get Quota, Get Logs and the Agent picker,
// through n8n's real engine against the sandbox.
const { AGENT_TEMPLATES, SEEDED_AGENTS } = require('../../sandbox/routes/agents');
const { PluggedInAgents } = require('../../nodes/PluggedInAgents/PluggedInAgents.node');
const { byId, useSandbox } = require('../harness/sandbox');
const { searchAgents } = require('../../nodes/shared/resources/agents');
const { loadOptionsContext } = require('../harness/loadOptions');

const fixture = useSandbox({ seed: true }, { fresh: 'test', node: () => new PluggedInAgents() });
const { run } = fixture;
let sandbox;
beforeEach(() => {
	sandbox = fixture.sandbox;
});
const creates = () => sandbox.count('POST', '/api/agents');

describe('Create', () => {
	test('creates from an image: NEW, not deployed, name normalised, settings sent', async () => {
		const { items, error } = await run({
			operation: 'create',
			name: '  My-Agent ',
			image: 'ghcr.io/veriteknik/compass-agent:1.0',
			resources: { cpuRequest: '100m', cpuLimit: '1', memoryRequest: '256Mi', memoryLimit: '1Gi' },
			additionalFields: {
				description: 'A test agent',
				accessLevel: 'PUBLIC',
				envOverrides: '{"LOG_LEVEL": "debug", "RETRIES": 3}',
			},
		});
		expect(error).toBeUndefined();
		const { agent, deployment, template } = items[0].json;
		expect(agent).toMatchObject({
			name: 'my-agent',
			dns_name: 'my-agent',
			state: 'NEW',
			deployment_status: 'PENDING',
			access_level: 'PUBLIC',
			config_values: {},
		});
		expect(agent.metadata).toMatchObject({
			description: 'A test agent',
			image: 'ghcr.io/veriteknik/compass-agent:1.0',
			resources: { cpu_request: '100m', cpu_limit: '1', memory_request: '256Mi', memory_limit: '1Gi' },
			env_overrides: { LOG_LEVEL: 'debug', RETRIES: 3 },
		});
		expect(deployment.success).toBe(false);
		expect(template).toBeNull();
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(Object.keys(agent)).not.toContain('model_router_token');
		const events = (await run({ operation: 'get', agentId: byId(agent.uuid) })).items[0].json.lifecycleEvents;
		expect(events.map((event) => event.event_type)).toEqual(['ERROR', 'CREATED']);
		// The owner's user id, as on the real server.
		expect(events[1].metadata.triggered_by).toBe('user-sandbox');
	});

	test('creates from a template with config values', async () => {
		const [compass] = AGENT_TEMPLATES;
		const { items } = await run({
			operation: 'create',
			name: 'researcher',
			deployFrom: 'template',
			templateId: compass.uuid,
			additionalFields: { configValues: { model: 'gpt-4o', temperature: 0.2 } },
		});
		expect(items[0].json.template).toEqual({
			uuid: compass.uuid,
			namespace: 'veriteknik',
			name: 'compass',
			version: compass.version,
			display_name: 'Compass',
		});
		expect(items[0].json.agent.config_values).toEqual({ model: 'gpt-4o', temperature: 0.2 });
		expect(items[0].json.agent.template_uuid).toBe(compass.uuid);
	});

	test('checks the name as the server does, before sending anything', async () => {
		const cases = [
			['a', '2 to 63 characters'],
			['x'.repeat(64), '2 to 63 characters'],
			['bad_name', 'DNS-safe'],
			['-leading', 'DNS-safe'],
			['trailing-', 'DNS-safe'],
			['two--hyphens', 'two hyphens in a row'],
			['test', "'test' is reserved"],
			[' Admin ', "'admin' is reserved"],
			['agents', "'agents' is reserved"],
		];
		const { items } = await run(
			{ operation: 'create', name: '={{ $json.name }}', image: 'nginx:alpine' },
			{ items: cases.map(([name]) => ({ name })), continueOnFail: true },
		);
		expect(items).toHaveLength(cases.length);
		cases.forEach(([, fragment], i) => {
			expect(items[i].json.error.message).toContain('"Name" (name)');
			expect(items[i].json.error.message).toContain(fragment);
			expect(items[i].pairedItem).toEqual({ item: i });
		});
		expect(creates()).toBe(0);
	});

	test('checks image, resources and environment before sending anything', async () => {
		const cases = [
			[{ image: 'evil.example.com/miner:latest' }, 'official Docker Hub image'],
			[{ image: 'docker.io/someone/app' }, 'official Docker Hub image'],
			[{ resources: { cpuLimit: '9' } }, 'cannot exceed 8 cores'],
			[{ resources: { memoryLimit: '17Gi' } }, 'cannot exceed 16Gi'],
			[{ resources: { memoryRequest: '512MB' } }, 'Kubernetes notation'],
			[{ resources: { cpuRequest: '2', cpuLimit: '500m' } }, 'cannot exceed the CPU limit'],
			[{ resources: { memoryRequest: '2Gi', memoryLimit: '1Gi' } }, 'cannot exceed the memory limit'],
			[{ additionalFields: { envOverrides: '{"PAP_AGENT_KEY": "x"}' } }, 'PAP_'],
			[{ additionalFields: { envOverrides: '{"1BAD": "x"}' } }, 'POSIX'],
			[{ additionalFields: { envOverrides: '{"PORT": 80}' } }, "'PORT' is set by Plugged.in"],
			[{ additionalFields: { envOverrides: '[1, 2]' } }, 'must be a JSON object'],
			[{ deployFrom: 'template', templateId: 'compass' }, 'template UUID'],
		];
		for (const [parameters, fragment] of cases) {
			const { error } = await run({ operation: 'create', name: 'valid-name', image: 'nginx:alpine', ...parameters });
			expect(error?.message).toContain(fragment);
		}
		expect(creates()).toBe(0);
	});

	test('the registry check can be turned off for servers that allow more registries', async () => {
		const { error } = await run({
			operation: 'create',
			name: 'custom-registry',
			image: 'registry.example.com/team/agent:1',
			options: { checkImageRegistry: false },
		});
		// The sandbox keeps the default allow-list, so the server's own message comes back.
		expect(error.message).toBe(
			'Plugged.in: Image must be from an allowed registry. Allowed: docker.io/library/, library/, nginxinc/...',
		);
		expect(creates()).toBe(1);
	});

	test("a reused name, even a terminated agent's, says the name is taken and is not repeated", async () => {
		for (const name of ['sandbox-worker', 'sandbox-retired']) {
			const { error } = await run({ operation: 'create', name, image: 'nginx:alpine' });
			expect(error.message).toBe(`Plugged.in could not create agent "${name}": the name is probably taken`);
			expect(error.description).toContain('global across all Plugged.in users and are never freed');
			expect(error.description).toContain('still count against the quota of 10');
			expect(error.httpCode).toBe('500');
		}
		expect(creates()).toBe(2);
	});

	test('a full quota says so with the numbers', async () => {
		for (let i = 0; i < 7; i++) sandbox.agents.insertAgent({ name: `filler-${i}`, state: 'TERMINATED' });
		const { error } = await run({ operation: 'create', name: 'one-too-many', image: 'nginx:alpine' });
		expect(error.message).toBe('Plugged.in: Agent quota exceeded (10 of 10 agents used, free tier)');
		expect(error.description).toContain('still count against the quota');
	});
});

describe('Get Many', () => {
	test('lists every agent newest first, simplified by default', async () => {
		const { items } = await run({ operation: 'getMany', returnAll: true });
		expect(items.map((item) => item.json.name)).toEqual(['sandbox-standby', 'sandbox-retired', 'sandbox-worker']);
		expect(Object.keys(items[0].json).sort()).toEqual(
			[
				'access_level',
				'created_at',
				'deployment_status',
				'dns_name',
				'last_heartbeat_at',
				'name',
				'state',
				'uuid',
			].sort(),
		);
		expect(items.every((item) => item.pairedItem.item === 0)).toBe(true);
	});

	test('filters by state on the client and limits', async () => {
		const active = await run({
			operation: 'getMany',
			returnAll: true,
			states: ['ACTIVE', 'PROVISIONED'],
			simplify: false,
		});
		expect(active.items.map((item) => item.json.uuid)).toEqual([SEEDED_AGENTS.provisioned, SEEDED_AGENTS.active]);
		expect(active.items[0].json.metadata).toBeDefined();
		const limited = await run({ operation: 'getMany', limit: 1 });
		expect(limited.items).toHaveLength(1);
		expect(sandbox.count('GET', '/api/agents')).toBe(2);
	});
});

describe('Get', () => {
	test('returns the agent with its heartbeats, metrics and lifecycle events', async () => {
		const { items } = await run({ operation: 'get', agentId: byId(SEEDED_AGENTS.active) });
		const details = items[0].json;
		expect(details.agent.state).toBe('ACTIVE');
		expect(details.recentHeartbeats).toHaveLength(4);
		expect(typeof details.recentHeartbeats[0].id).toBe('string');
		expect(details.recentMetrics[0]).toMatchObject({ cpu_percent: 9, memory_mb: 184, requests_handled: 452 });
		expect(details.lifecycleEvents.map((event) => event.event_type)).toEqual(['ACTIVATED', 'PROVISIONED', 'CREATED']);
		expect(details.kubernetesStatus.replicas).toBe(1);
	});

	test('takes the agent from the list mode of the locator too', async () => {
		const { items } = await run({
			operation: 'get',
			agentId: { __rl: true, mode: 'list', value: SEEDED_AGENTS.provisioned, cachedResultName: 'sandbox-standby' },
		});
		expect(items[0].json.agent.name).toBe('sandbox-standby');
	});

	test('an ID that is not a UUID fails before sending; an unknown one is a 404', async () => {
		// A literal non-UUID is already refused by n8n's locator check; an expression reaches the node.
		const bad = await run(
			{ operation: 'get', agentId: byId('={{ $json.id }}') },
			{ items: [{ id: 'sandbox-worker' }] },
		);
		expect(bad.error.message).toContain('must be an agent UUID');
		expect(sandbox.count('GET')).toBe(0);
		const unknown = await run(
			{ operation: 'get', agentId: byId('00000000-0000-4000-8000-000000000000') },
			{ continueOnFail: true },
		);
		expect(unknown.items[0].json).toMatchObject({ error: { message: 'Plugged.in: Agent not found', httpCode: '404' } });
	});
});

describe('Update', () => {
	test('changes the access level and merges metadata', async () => {
		const { items } = await run({
			operation: 'update',
			agentId: byId(SEEDED_AGENTS.active),
			updateFields: { accessLevel: 'PUBLIC', metadata: '{"team": "ops"}' },
		});
		expect(items[0].json.message).toBe('Agent updated successfully');
		expect(items[0].json.agent.access_level).toBe('PUBLIC');
		expect(items[0].json.agent.metadata).toMatchObject({ team: 'ops', description: expect.any(String) });
		const events = sandbox.agents.history.get(SEEDED_AGENTS.active).events;
		expect(events.at(-1)).toMatchObject({
			event_type: 'ACCESS_LEVEL_CHANGED',
			metadata: { new_access_level: 'PUBLIC' },
		});
	});

	test('nothing to update fails before sending', async () => {
		const { error } = await run({ operation: 'update', agentId: byId(SEEDED_AGENTS.active), updateFields: {} });
		expect(error.message).toContain('add Access Level or Metadata');
		expect(sandbox.count('PATCH')).toBe(0);
	});
});

describe('Delete', () => {
	test('is a soft delete: TERMINATED, still listed, same answer when repeated, quota unchanged', async () => {
		const parameters = { operation: 'delete', agentId: byId(SEEDED_AGENTS.provisioned) };
		const first = await run(parameters);
		expect(first.items[0].json).toMatchObject({
			agent_uuid: SEEDED_AGENTS.provisioned,
			state: 'TERMINATED',
			message: 'Agent terminated successfully',
		});
		const again = await run(parameters);
		expect(again.items[0].json.message).toBe('Agent terminated successfully');
		const listed = await run({ operation: 'getMany', returnAll: true, states: ['TERMINATED'] });
		expect(listed.items.map((item) => item.json.uuid)).toContain(SEEDED_AGENTS.provisioned);
		const quota = await run({ operation: 'getQuota' });
		expect(quota.items[0].json.quota.current_agents).toBe(3);
	});
});

describe('Export', () => {
	test('exports pap-export/1.0 with telemetry up to the limit', async () => {
		const { items } = await run({
			operation: 'export',
			agentId: byId(SEEDED_AGENTS.active),
			includeTelemetry: true,
			telemetryLimit: 2,
		});
		const exported = items[0].json;
		expect(exported.export_version).toBe('pap-export/1.0');
		expect(exported.telemetry.heartbeats).toHaveLength(2);
		expect(exported.telemetry.metrics).toHaveLength(2);
		expect(exported.lifecycle_events).toHaveLength(3);
		expect(exported.kubernetes_config.deployment_name).toBe('sandbox-worker');
	});

	test('without telemetry, and a bad limit fails before sending', async () => {
		const plain = await run({ operation: 'export', agentId: byId(SEEDED_AGENTS.active) });
		expect(plain.items[0].json.telemetry).toBeUndefined();
		const bad = await run({
			operation: 'export',
			agentId: byId(SEEDED_AGENTS.active),
			includeTelemetry: true,
			telemetryLimit: 20000,
		});
		expect(bad.error.message).toContain('Telemetry Limit');
		expect(sandbox.count('POST', /export$/)).toBe(1);
	});
});

describe('Get Quota and Get Logs', () => {
	test('quota counts every agent, terminated ones included', async () => {
		const { items } = await run({ operation: 'getQuota' });
		expect(items[0].json.quota).toEqual({ max_agents: 10, current_agents: 3, remaining: 7, can_create_more: true });
		expect(items[0].json.agents_by_state).toMatchObject({
			active: 1,
			provisioned: 1,
			terminated: 1,
			total: 3,
			active_total: 2,
		});
		expect(items[0].json.resource_usage.note).toBeDefined();
	});

	test('logs of a running agent, of one without a deployment, of one that never deployed', async () => {
		const running = await run({ operation: 'getLogs', agentId: byId(SEEDED_AGENTS.active), tail: 3 });
		expect(running.items[0].json.lines).toHaveLength(3);
		expect(running.items[0].json.available).toBe(true);
		expect(running.items[0].json.tailLines).toBe(3);
		expect(sandbox.log.at(-1).query).toBe('?tail=3');

		const gone = await run({ operation: 'getLogs', agentId: byId(SEEDED_AGENTS.terminated) }, { continueOnFail: true });
		expect(gone.items[0].json).toMatchObject({
			error: { message: 'Plugged.in: No Kubernetes deployment found for this agent', httpCode: '404' },
		});
		expect(gone.items[0].json.error.description).toContain('no Kubernetes deployment');

		const created = sandbox.agents.insertAgent({ name: 'never-deployed' });
		const pending = await run({ operation: 'getLogs', agentId: byId(created.uuid) });
		// The server's `error` on a 200 is a state: a success item must not look like an error item.
		expect(pending.items[0].json).toEqual({
			available: false,
			reason: 'Could not retrieve logs. The pod may not be running yet.',
			logs: '',
			lines: [],
		});

		const tooMany = await run({ operation: 'getLogs', agentId: byId(SEEDED_AGENTS.active), tail: 1001 });
		expect(tooMany.error.message).toContain('"Tail" (tail)');
	});
});

describe('Agent picker', () => {
	test('lists agents by name and state, filtered', async () => {
		const context = loadOptionsContext(sandbox, 'Plugged.in Agents');
		const all = await searchAgents.call(context);
		expect(all.results).toContainEqual({ name: 'sandbox-worker (ACTIVE)', value: SEEDED_AGENTS.active });
		expect(all.results).toHaveLength(3);
		const filtered = await searchAgents.call(context, 'standby');
		expect(filtered.results).toEqual([{ name: 'sandbox-standby (PROVISIONED)', value: SEEDED_AGENTS.provisioned }]);
	});
});
