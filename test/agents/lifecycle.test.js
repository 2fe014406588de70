'use strict';
// The state machine (Change State), Shutdown, Suspend, Resume, Restart, Wait For State and zombie
// detection, through n8n's real engine against the sandbox.
const { SEEDED_AGENTS, TRANSITIONS } = require('../../sandbox/routes/agents');
const { PluggedInAgents } = require('../../nodes/PluggedInAgents/PluggedInAgents.node');
const { byId, useSandbox } = require('../harness/sandbox');

const fixture = useSandbox({ seed: true }, { fresh: 'test', node: () => new PluggedInAgents() });
const { run } = fixture;
let sandbox;
beforeEach(() => {
	sandbox = fixture.sandbox;
});
const changeState = {
	operation: 'changeState',
	agentId: byId('={{ $json.id }}'),
	fromState: '={{ $json.from }}',
	toState: '={{ $json.to }}',
};
const stateOf = (uuid) => sandbox.agents.agent(uuid).state;

describe('Change State', () => {
	test('every legal transition of the FSM', async () => {
		const legal = Object.entries(TRANSITIONS).flatMap(([from, targets]) => targets.map((to) => ({ from, to })));
		expect(legal).toHaveLength(10);
		const items = legal.map(({ from, to }, i) => ({
			id: sandbox.agents.insertAgent({ name: `fsm-${i}`, state: from }).uuid,
			from,
			to,
		}));
		const result = await run(changeState, { items });
		expect(result.error).toBeUndefined();
		result.items.forEach((item, i) => {
			expect(item.json).toMatchObject({
				message: 'State change recorded',
				from_state: legal[i].from,
				current_state: legal[i].to,
			});
			expect(item.pairedItem).toEqual({ item: i });
			expect(stateOf(items[i].id)).toBe(legal[i].to);
		});
	});

	test('illegal transitions are refused with the allowed ones in the description', async () => {
		const illegal = [
			['NEW', 'ACTIVE', 'From NEW it can only move to PROVISIONED, KILLED.'],
			['PROVISIONED', 'DRAINING', 'From PROVISIONED it can only move to ACTIVE, TERMINATED, KILLED.'],
			['ACTIVE', 'PROVISIONED', 'From ACTIVE it can only move to DRAINING, KILLED.'],
			['DRAINING', 'NEW', 'From DRAINING it can only move to TERMINATED, ACTIVE, KILLED.'],
			['TERMINATED', 'ACTIVE', 'TERMINATED is a final state: it allows no transition.'],
			['KILLED', 'NEW', 'KILLED is a final state: it allows no transition.'],
		];
		const items = illegal.map(([from, to], i) => ({
			id: sandbox.agents.insertAgent({ name: `bad-${i}`, state: from }).uuid,
			from,
			to,
		}));
		const result = await run(changeState, { items, continueOnFail: true });
		illegal.forEach(([from, to, explanation], i) => {
			const { json } = result.items[i];
			expect(json.error.httpCode).toBe('400');
			expect(json.error.message).toBe(`Plugged.in: Invalid state transition: ${from} → ${to}`);
			expect(json.error.description).toContain(`The agent is ${from}. ${explanation}`);
			expect(stateOf(items[i].id)).toBe(from);
		});
	});

	test('a stale From State is a 409 that says the current state and the hint', async () => {
		const { error } = await run({
			...changeState,
			agentId: byId(SEEDED_AGENTS.active),
			fromState: 'PROVISIONED',
			toState: 'ACTIVE',
		});
		expect(error.httpCode).toBe('409');
		expect(error.message).toBe(
			"Plugged.in: State mismatch: client reported from_state 'PROVISIONED' but server has 'ACTIVE'",
		);
		expect(error.description).toContain('The agent is ACTIVE.');
		expect(error.description).toContain('Refresh agent state and retry');
	});
});

describe('Shutdown, Suspend, Resume, Restart', () => {
	test('shutdown drains an active agent', async () => {
		const { items } = await run({
			operation: 'shutdown',
			agentId: byId(SEEDED_AGENTS.active),
			drainTimeoutSeconds: 120,
		});
		expect(items[0].json).toMatchObject({
			drain_timeout_seconds: 120,
			agent: { state: 'DRAINING' },
			kubernetes: { success: true },
		});
		const again = await run({ operation: 'shutdown', agentId: byId(SEEDED_AGENTS.active) });
		expect(again.error.message).toContain('Invalid state transition: DRAINING → DRAINING');
		expect(again.error.description).toContain('This works only from ACTIVE.');
		const tooShort = await run({ operation: 'shutdown', agentId: byId(SEEDED_AGENTS.active), drainTimeoutSeconds: 5 });
		expect(tooShort.error.message).toContain('Drain Timeout (Seconds)');
		expect(sandbox.count('POST', /shutdown$/)).toBe(2);
	});

	test('suspend keeps the state, resume makes it PROVISIONED; repeats explain themselves', async () => {
		const agentId = byId(SEEDED_AGENTS.active);
		const suspended = await run({ operation: 'suspend', agentId, reason: 'maintenance' });
		expect(suspended.items[0].json).toMatchObject({ suspended: true, message: 'Agent suspended successfully' });
		expect(sandbox.agents.agent(SEEDED_AGENTS.active)).toMatchObject({
			state: 'ACTIVE',
			metadata: { intentionally_suspended: true, suspended_reason: 'maintenance' },
		});
		const twice = await run({ operation: 'suspend', agentId });
		expect(twice.error.description).toContain('Use the resume endpoint to bring it back online');

		const resumed = await run({ operation: 'resume', agentId });
		expect(resumed.items[0].json).toMatchObject({ resumed: true, previous_state: 'ACTIVE', new_state: 'PROVISIONED' });
		const notSuspended = await run({ operation: 'resume', agentId });
		expect(notSuspended.error.message).toBe('Plugged.in: Agent is not suspended');
		// The agent's state is the cause, not a parameter.
		expect(notSuspended.error.description).toMatch(/Resume only brings back an agent that Suspend scaled to 0.*Get/);
		expect(notSuspended.error.description).not.toMatch(/parameters/);
		expect(twice.error.description).not.toMatch(/parameters/);
	});

	test('an agent that never deployed cannot be suspended: 500 explained, not repeated', async () => {
		const created = sandbox.agents.insertAgent({ name: 'undeployed', state: 'PROVISIONED' });
		const { error } = await run({ operation: 'suspend', agentId: byId(created.uuid) });
		expect(error.httpCode).toBe('500');
		expect(error.message).toBe('Plugged.in: Failed to scale agent: connect ECONNREFUSED 127.0.0.1:6443');
		expect(error.description).toContain("could not reach the agent's Kubernetes deployment");
		expect(sandbox.count('POST', /suspend$/)).toBe(1);
	});

	test('restart from a restartable state, and from any state with Force', async () => {
		const restarted = await run({ operation: 'restart', agentId: byId(SEEDED_AGENTS.active) });
		expect(restarted.items[0].json).toMatchObject({ previous_state: 'ACTIVE', new_state: 'PROVISIONED' });

		const fresh = sandbox.agents.insertAgent({ name: 'fresh', deployed: true });
		const refused = await run({ operation: 'restart', agentId: byId(fresh.uuid) });
		expect(refused.error.message).toBe('Plugged.in: Agent in state NEW cannot be restarted');
		expect(refused.error.description).toContain(
			'Restart works from PROVISIONED, ACTIVE, DRAINING, or from any state with Force on.',
		);
		const forced = await run({ operation: 'restart', agentId: byId(fresh.uuid), force: true });
		expect(forced.items[0].json).toMatchObject({ previous_state: 'NEW', new_state: 'PROVISIONED' });
	});
});

describe('Wait For State', () => {
	const wait = (parameters) => ({
		operation: 'waitForState',
		targetState: 'ACTIVE',
		pollIntervalSeconds: 1,
		...parameters,
	});

	test('polls until the agent reaches the state', async () => {
		// The agent turns ACTIVE after the node's first read, as if its first heartbeat came in.
		sandbox.agents.scheduleTransition(SEEDED_AGENTS.provisioned, 'ACTIVE', 1);
		const { items, error } = await run(wait({ agentId: byId(SEEDED_AGENTS.provisioned), timeoutSeconds: 10 }));
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ reached: true, state: 'ACTIVE', targetState: 'ACTIVE', polls: 2 });
		expect(items[0].json.waitedSeconds).toBeGreaterThan(0);
		expect(items[0].json.agent.uuid).toBe(SEEDED_AGENTS.provisioned);
		expect(sandbox.count('GET', `/api/agents/${SEEDED_AGENTS.provisioned}`)).toBe(2);
	});

	test('a timeout is an error by default', async () => {
		const { error } = await run(wait({ agentId: byId(SEEDED_AGENTS.provisioned), timeoutSeconds: 2 }));
		expect(error.message).toMatch(/did not reach ACTIVE: it was still PROVISIONED after [\d.]+ s \(\d polls\)/);
		const polls = sandbox.count('GET', `/api/agents/${SEEDED_AGENTS.provisioned}`);
		expect(polls).toBeGreaterThanOrEqual(2);
		expect(polls).toBeLessThanOrEqual(3);
	});

	test('with Output on Timeout, a timeout is an item with reached: false', async () => {
		const { items } = await run(
			wait({ agentId: byId(SEEDED_AGENTS.provisioned), timeoutSeconds: 1, options: { outputOnTimeout: true } }),
		);
		expect(items[0].json).toMatchObject({ reached: false, state: 'PROVISIONED', targetState: 'ACTIVE' });
		expect(items[0].json.polls).toBeGreaterThanOrEqual(2);
	});

	test('a final state ends the wait at once; a too short interval is refused', async () => {
		const final = await run(wait({ agentId: byId(SEEDED_AGENTS.terminated), timeoutSeconds: 60 }));
		expect(final.error.message).toContain('it is TERMINATED, a final state');
		expect(sandbox.count('GET')).toBe(1);
		const hammer = await run(
			wait({ agentId: byId(SEEDED_AGENTS.provisioned), timeoutSeconds: 60, pollIntervalSeconds: 0.2 }),
		);
		expect(hammer.error.message).toContain('"Poll Interval (Seconds)" (pollIntervalSeconds): must be at least 1 second');
		expect(sandbox.count('GET')).toBe(1);
	});
});

describe('Zombie detection', () => {
	test('missed heartbeats: UNHEALTHY after 2 intervals, DRAINING after 5', async () => {
		const { active } = SEEDED_AGENTS;
		// The seeded agent's last heartbeat (IDLE, every 30 s) was 30 s ago.
		sandbox.clock.advance(20_000);
		expect(sandbox.agents.runZombieCheck()).toMatchObject({ checked: 1, unhealthy: 0, drained: 0 });
		sandbox.clock.advance(30_000);
		expect(sandbox.agents.runZombieCheck()).toMatchObject({ unhealthy: 1, drained: 0 });
		expect(stateOf(active)).toBe('ACTIVE');
		// A heartbeat through the node resets the count.
		await run({ operation: 'sendHeartbeat', agentId: byId(active), mode: 'IDLE', uptimeSeconds: 7300 });
		expect(sandbox.agents.runZombieCheck()).toMatchObject({ unhealthy: 0 });
		sandbox.clock.advance(5 * 30_000);
		expect(sandbox.agents.runZombieCheck()).toMatchObject({ unhealthy: 1, drained: 1 });
		const { items } = await run({ operation: 'get', agentId: byId(active) });
		expect(items[0].json.agent.state).toBe('DRAINING');
		expect(items[0].json.lifecycleEvents.slice(0, 3).map((event) => event.event_type)).toEqual([
			'AUTO_DRAINING',
			'UNHEALTHY',
			'UNHEALTHY',
		]);
		expect(items[0].json.lifecycleEvents[0].metadata).toMatchObject({
			triggered_by: 'zombie_detection',
			missed_intervals: 5,
		});
	});
});
