'use strict';
// Agent Heartbeat Missed, with Date frozen: the node's "now" and the sandbox's clock move only
// when the test advances them, so the boundaries are exact.
const { useSandbox } = require('../harness/sandbox');
const { Trigger, call, failNth, useFrozenDate } = require('./poller');

const fixture = useSandbox({}, { fresh: 'test' });
const advance = useFrozenDate('2026-12-01T10:00:00.000Z');
const missed = (parameters = {}) =>
	new Trigger(fixture.sandbox, { event: 'agentHeartbeatMissed', missedIntervals: 2, ...parameters });
const names = (run) => run.json.map((item) => item.agent.name);

/** An agent that became ACTIVE with its first heartbeat in this mode. */
async function activeAgent(sandbox, name, mode = 'IDLE') {
	const agent = sandbox.agents.insertAgent({ name, state: 'PROVISIONED', deployed: true });
	await heartbeat(sandbox, agent.uuid, mode);
	return agent;
}

const heartbeat = (sandbox, uuid, mode = 'IDLE') =>
	call(sandbox, 'POST', `/api/agents/${uuid}/heartbeat`, { mode, uptime_seconds: 10 });

test('reported once per silence, exactly at N intervals of its mode, again only after a new heartbeat', async () => {
	const { sandbox } = fixture;
	const agent = await activeAgent(sandbox, 'idler');
	const trigger = missed();
	expect((await trigger.poll()).json).toEqual([]);

	advance(59_999);
	expect((await trigger.poll()).json).toEqual([]);
	advance(1);
	const run = await trigger.poll();
	expect(run.json).toEqual([
		expect.objectContaining({
			event: 'agentHeartbeatMissed',
			mode: 'IDLE',
			intervalSeconds: 30,
			lastHeartbeatAt: '2026-12-01T10:00:00.000Z',
			silentSeconds: 60,
			missedIntervals: 2,
			threshold: 2,
			agent: expect.objectContaining({ uuid: agent.uuid, state: 'ACTIVE' }),
		}),
	]);
	expect(run.requests.map((request) => request.path)).toEqual(['/api/agents']);

	advance(600_000);
	expect((await trigger.poll()).json).toEqual([]);
	await heartbeat(sandbox, agent.uuid);
	expect((await trigger.poll()).json).toEqual([]);
	advance(60_000);
	expect(names(await trigger.poll())).toEqual(['idler']);
});

test('the interval is the mode of the last heartbeat (EMERGENCY 5 s, SLEEP 15 min), else the heartbeat_mode column', async () => {
	const { sandbox } = fixture;
	await activeAgent(sandbox, 'urgent', 'EMERGENCY');
	await activeAgent(sandbox, 'sleepy', 'SLEEP');
	const column = sandbox.agents.insertAgent({ name: 'column', state: 'ACTIVE' });
	Object.assign(sandbox.agents.agents.get(column.uuid), {
		heartbeat_mode: 'SLEEP',
		last_heartbeat_at: new Date(Date.now()).toISOString(),
	});
	const trigger = missed();
	await trigger.poll();
	advance(10_000);
	expect(names(await trigger.poll())).toEqual(['urgent']);
	advance(30 * 60_000 - 10_001);
	expect((await trigger.poll()).json).toEqual([]);
	advance(1);
	expect(names(await trigger.poll()).sort()).toEqual(['column', 'sleepy']);
});

test('only ACTIVE agents that are not suspended on purpose; Missed Intervals sets the threshold', async () => {
	const { sandbox } = fixture;
	const drained = await activeAgent(sandbox, 'drained');
	await call(sandbox, 'POST', `/api/agents/${drained.uuid}/shutdown`, {});
	const suspended = await activeAgent(sandbox, 'paused');
	await call(sandbox, 'POST', `/api/agents/${suspended.uuid}/suspend`, { reason: 'maintenance' });
	await activeAgent(sandbox, 'patient');
	const trigger = missed({ missedIntervals: 5 });
	await trigger.poll();
	advance(149_999);
	expect((await trigger.poll()).json).toEqual([]);
	advance(1);
	const run = await trigger.poll();
	expect(names(run)).toEqual(['patient']);
	expect(run.json[0]).toMatchObject({ missedIntervals: 5, threshold: 5 });
});

test('an agent already silent at activation is not reported for that silence', async () => {
	const { sandbox } = fixture;
	const agent = await activeAgent(sandbox, 'zombie');
	advance(120_000);
	const trigger = missed();
	expect((await trigger.poll()).json).toEqual([]);
	advance(120_000);
	expect((await trigger.poll()).json).toEqual([]);
	await heartbeat(sandbox, agent.uuid);
	advance(60_000);
	expect(names(await trigger.poll())).toEqual(['zombie']);
});

test('drained by the zombie check and reactivated without a heartbeat: still the same silence', async () => {
	const { sandbox } = fixture;
	const agent = await activeAgent(sandbox, 'revenant');
	const trigger = missed();
	await trigger.poll();
	advance(60_000);
	expect(names(await trigger.poll())).toEqual(['revenant']);
	advance(90_000);
	expect(sandbox.agents.runZombieCheck().drained).toBe(1);
	expect((await trigger.poll()).json).toEqual([]);
	await call(sandbox, 'POST', `/api/agents/${agent.uuid}/state`, { from_state: 'DRAINING', to_state: 'ACTIVE' });
	expect((await trigger.poll()).json).toEqual([]);
});

test('a failed poll changes nothing: the next poll reports the silence', async () => {
	const { sandbox } = fixture;
	await activeAgent(sandbox, 'unlucky');
	const trigger = missed();
	await trigger.poll();
	advance(60_000);
	const before = JSON.parse(JSON.stringify(trigger.staticData));
	failNth(sandbox, 1, { path: /^\/api\/agents$/, mode: 'reset' });
	expect((await trigger.poll()).error).toBeDefined();
	expect(trigger.staticData).toEqual(before);
	expect(names(await trigger.poll())).toEqual(['unlucky']);
});

test('Fetch Test Event shows the most overdue ACTIVE agent, whatever the threshold', async () => {
	const { sandbox } = fixture;
	await activeAgent(sandbox, 'recent');
	advance(5_000);
	await activeAgent(sandbox, 'newer');
	const sample = await missed({ missedIntervals: 100 }).poll({ mode: 'manual' });
	expect(sample.json).toEqual([expect.objectContaining({ silentSeconds: 5, missedIntervals: 0, threshold: 100 })]);
	expect(names(sample)).toEqual(['recent']);
});
