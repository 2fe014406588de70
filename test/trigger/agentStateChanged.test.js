'use strict';
// Agent State Changed: the list, plus lifecycle events where a change may hide (round trips).
const { useSandbox } = require('../harness/sandbox');
const { Trigger, call, failNth } = require('./poller');

const fixture = useSandbox({}, { fresh: 'test' });
const changes = (parameters = {}) => new Trigger(fixture.sandbox, { event: 'agentStateChanged', ...parameters });
const steps = (run) => run.json.map((item) => `${item.from}→${item.to}`);
const setState = (sandbox, uuid, from_state, to_state) =>
	call(sandbox, 'POST', `/api/agents/${uuid}/state`, { from_state, to_state });
const agentPaths = (run) => run.requests.map((request) => request.path);

test('first activation reads every agent once and emits nothing; a quiet poll reads only agents that may have moved', async () => {
	const { sandbox } = fixture;
	const agents = sandbox.agents;
	agents.insertAgent({ name: 'fresh', state: 'NEW' });
	const active = agents.insertAgent({ name: 'busy', state: 'ACTIVE' });
	const draining = agents.insertAgent({ name: 'leaving', state: 'DRAINING' });
	agents.insertAgent({ name: 'gone', state: 'TERMINATED' });
	const trigger = changes();

	const first = await trigger.poll();
	expect(first.json).toEqual([]);
	expect(first.requests).toHaveLength(5);
	expect(Object.keys(trigger.stored.state.agents)).toHaveLength(4);

	const quiet = await trigger.poll();
	expect(quiet.json).toEqual([]);
	expect(agentPaths(quiet).sort()).toEqual(
		['/api/agents', `/api/agents/${active.uuid}`, `/api/agents/${draining.uuid}`].sort(),
	);

	trigger.parameters.watchRoundTrips = false;
	expect((await trigger.poll()).requests).toHaveLength(1);
});

test('every step between two polls is reported in order, a reverted change included', async () => {
	const { sandbox } = fixture;
	const agent = sandbox.agents.insertAgent({ name: 'worker', state: 'PROVISIONED' });
	const trigger = changes();
	await trigger.poll();
	await setState(sandbox, agent.uuid, 'PROVISIONED', 'ACTIVE');
	await setState(sandbox, agent.uuid, 'ACTIVE', 'DRAINING');
	await setState(sandbox, agent.uuid, 'DRAINING', 'ACTIVE');

	const run = await trigger.poll();
	expect(steps(run)).toEqual(['PROVISIONED→ACTIVE', 'ACTIVE→DRAINING', 'DRAINING→ACTIVE']);
	expect(run.json[1]).toMatchObject({
		event: 'agentStateChanged',
		from: 'ACTIVE',
		to: 'DRAINING',
		agent: { uuid: agent.uuid, name: 'worker', state: 'ACTIVE' },
		lifecycleEvent: { event_type: 'STATE_CHANGE', from_state: 'ACTIVE', to_state: 'DRAINING' },
	});
	expect(run.json[1].timestamp).toMatch(/Z$/);
	expect(JSON.stringify(run.json)).not.toContain('model_router_token"');
	expect((await trigger.poll()).json).toEqual([]);

	// A round trip on its own (the list looks the same before and after) is caught too.
	await setState(sandbox, agent.uuid, 'ACTIVE', 'DRAINING');
	await setState(sandbox, agent.uuid, 'DRAINING', 'ACTIVE');
	expect(steps(await trigger.poll())).toEqual(['ACTIVE→DRAINING', 'DRAINING→ACTIVE']);
});

test('with "Catch Changes Undone Between Polls" off, a poll is one request and only visible changes are read', async () => {
	const { sandbox } = fixture;
	const agent = sandbox.agents.insertAgent({ name: 'cheap', state: 'ACTIVE' });
	const trigger = changes({ watchRoundTrips: false });
	await trigger.poll();
	await setState(sandbox, agent.uuid, 'ACTIVE', 'DRAINING');
	await setState(sandbox, agent.uuid, 'DRAINING', 'ACTIVE');
	const missed = await trigger.poll();
	expect(missed.json).toEqual([]);
	expect(missed.requests).toHaveLength(1);
	// The next visible change brings its events since the last read: the round trip shows up then.
	await setState(sandbox, agent.uuid, 'ACTIVE', 'KILLED');
	expect(steps(await trigger.poll())).toEqual(['ACTIVE→DRAINING', 'DRAINING→ACTIVE', 'ACTIVE→KILLED']);
});

test('a restart out of a final state and back is caught through the heartbeat it resets', async () => {
	const { sandbox } = fixture;
	const agent = sandbox.agents.insertAgent({ name: 'phoenix', state: 'PROVISIONED', deployed: true });
	await call(sandbox, 'POST', `/api/agents/${agent.uuid}/heartbeat`, { mode: 'IDLE', uptime_seconds: 1 });
	await setState(sandbox, agent.uuid, 'ACTIVE', 'KILLED');
	const trigger = changes();
	await trigger.poll();
	await call(sandbox, 'POST', `/api/agents/${agent.uuid}/restart`, { force: true });
	await setState(sandbox, agent.uuid, 'PROVISIONED', 'KILLED');
	const run = await trigger.poll();
	expect(steps(run)).toEqual(['KILLED→PROVISIONED', 'PROVISIONED→KILLED']);
	expect(run.json[0].lifecycleEvent.event_type).toBe('RESTARTED');
});

test('a new agent is reported from its creation; filters on from state, to state and agent', async () => {
	const { sandbox } = fixture;
	const trigger = changes();
	await trigger.poll();
	const { agent } = await call(sandbox, 'POST', '/api/agents', { name: 'newcomer', image: 'nginx:alpine' });
	expect(steps(await trigger.poll())).toEqual(['null→NEW']);

	const one = sandbox.agents.insertAgent({ name: 'one', state: 'ACTIVE' });
	const filtered = changes({ fromStates: ['ACTIVE', 'DRAINING'], toStates: ['DRAINING', 'KILLED'] });
	await filtered.poll();
	await setState(sandbox, one.uuid, 'ACTIVE', 'DRAINING');
	await setState(sandbox, one.uuid, 'DRAINING', 'ACTIVE');
	await setState(sandbox, agent.uuid, 'NEW', 'KILLED');
	expect(steps(await filtered.poll())).toEqual(['ACTIVE→DRAINING']);

	const single = changes({ agent: { __rl: true, mode: 'id', value: one.uuid } });
	await single.poll();
	await setState(sandbox, one.uuid, 'ACTIVE', 'KILLED');
	const run = await single.poll();
	expect(run.json.map((item) => item.agent.uuid)).toEqual([one.uuid]);
	expect(agentPaths(run)).toEqual(['/api/agents', `/api/agents/${one.uuid}`]);
});

test('more than 100 events between polls: a change without a lifecycle event fills the gap, the chain stays whole', async () => {
	const { sandbox } = fixture;
	const agent = sandbox.agents.insertAgent({ name: 'flapping', state: 'ACTIVE' });
	const trigger = changes();
	await trigger.poll();
	for (let i = 1; i <= 151; i++) sandbox.agents.transition(agent.uuid, i % 2 ? 'DRAINING' : 'ACTIVE');
	const run = await trigger.poll();
	expect(run.json).toHaveLength(101);
	expect(run.json[0]).toMatchObject({ from: 'ACTIVE', to: 'DRAINING', lifecycleEvent: null, timestamp: null });
	for (let i = 1; i < run.json.length; i++) expect(run.json[i].from).toBe(run.json[i - 1].to);
	expect(run.json.at(-1).to).toBe('DRAINING');
});

test('a state changed without any lifecycle event is still reported, from the list', async () => {
	const { sandbox } = fixture;
	const agent = sandbox.agents.insertAgent({ name: 'silent', state: 'NEW' });
	const trigger = changes({ watchRoundTrips: false });
	await trigger.poll();
	sandbox.agents.agents.get(agent.uuid).state = 'PROVISIONED';
	expect((await trigger.poll()).json).toMatchObject([{ from: 'NEW', to: 'PROVISIONED', lifecycleEvent: null }]);
});

test('a failed read of one agent fails the poll and changes nothing; the next poll reports every step', async () => {
	const { sandbox } = fixture;
	const agent = sandbox.agents.insertAgent({ name: 'fragile', state: 'ACTIVE' });
	const trigger = changes();
	await trigger.poll();
	await setState(sandbox, agent.uuid, 'ACTIVE', 'DRAINING');
	const before = JSON.parse(JSON.stringify(trigger.staticData));
	failNth(sandbox, 1, { path: new RegExp(`^/api/agents/${agent.uuid}$`), mode: '500' });
	const failed = await trigger.poll();
	expect(failed.error.constructor.name).toBe('NodeApiError');
	expect(trigger.staticData).toEqual(before);
	expect(steps(await trigger.poll())).toEqual(['ACTIVE→DRAINING']);
});

test('Fetch Test Event shows the latest change of the newest agent; an unknown agent is an error', async () => {
	const { sandbox } = fixture;
	const agent = sandbox.agents.insertAgent({ name: 'sample', state: 'PROVISIONED' });
	await setState(sandbox, agent.uuid, 'PROVISIONED', 'ACTIVE');
	const trigger = changes();
	expect(steps(await trigger.poll({ mode: 'manual' }))).toEqual(['PROVISIONED→ACTIVE']);
	expect(trigger.stored).toBeUndefined();

	const unknown = changes({ agent: { __rl: true, mode: 'id', value: '0a9e6f10-5c1d-4c59-9b8e-7a1d2c3b4eff' } });
	expect((await unknown.poll()).error.message).toMatch(/no agent 0a9e6f10-5c1d-4c59-9b8e-7a1d2c3b4eff/);
	const invalid = changes({ agent: { __rl: true, mode: 'id', value: 'not-a-uuid' } });
	const rejected = await invalid.poll();
	expect(rejected.error.message).toMatch(/"Agent" \(agent\): must be an agent UUID/);
	expect(rejected.requests).toHaveLength(0);
});

test('changes of several agents come out in time order', async () => {
	const { sandbox } = fixture;
	const first = sandbox.agents.insertAgent({ name: 'first', state: 'ACTIVE' });
	const second = sandbox.agents.insertAgent({ name: 'second', state: 'ACTIVE' });
	const trigger = changes();
	await trigger.poll();
	const at = (seconds) => ({ at: new Date(Date.parse('2030-01-01T00:00:00Z') + seconds * 1000).toISOString() });
	sandbox.agents.transition(second.uuid, 'DRAINING', at(2));
	sandbox.agents.transition(first.uuid, 'DRAINING', at(1));
	sandbox.agents.transition(second.uuid, 'ACTIVE', at(4));
	sandbox.agents.transition(first.uuid, 'ACTIVE', at(3));
	const run = await trigger.poll();
	expect(run.json.map((item) => `${item.agent.name} ${item.to}`)).toEqual([
		'first DRAINING',
		'second DRAINING',
		'first ACTIVE',
		'second ACTIVE',
	]);
});
