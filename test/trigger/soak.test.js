'use strict';
// Soak: thousands of documents (bursts of equal timestamps, rows that become visible late) and
// agent transitions (round trips included) while two triggers poll at random moments, some polls
// failing mid-way and every poll starting from a JSON copy of the stored state. Seeded: the same
// run every time. Proves 0 missed and 0 duplicated events, and prints a one-line summary.
const { TRANSITIONS } = require('../../sandbox/routes/agents');
const { PROFILE, useSandbox } = require('../harness/sandbox');
const { DOCUMENTS_LIST, Trigger, failNth } = require('./poller');

const fixture = useSandbox({}, { fresh: 'test' });
const SEED = 20261130;
const STEPS = 400;
const BASE = Date.parse('2026-06-01T00:00:00.000Z');
const LOOKBACK_MS = 1000;

function mulberry32(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Expected events by key, and what the triggers emitted. */
class Ledger {
	expected = new Set();
	emitted = new Map();
	unexpected = 0;

	expect(key) {
		this.expected.add(key);
	}

	emit(key) {
		if (!this.expected.has(key)) this.unexpected++;
		this.emitted.set(key, (this.emitted.get(key) ?? 0) + 1);
	}

	/** Keys expected so far, to check that the next successful poll brings them all. */
	due() {
		return [...this.expected];
	}

	get missed() {
		return [...this.expected].filter((key) => !this.emitted.has(key)).length;
	}

	get duplicated() {
		return [...this.emitted.values()].reduce((sum, count) => sum + count - 1, 0);
	}
}

test('thousands of documents and agent transitions, random polls and failures: nothing missed, nothing repeated', async () => {
	const { sandbox } = fixture;
	const random = mulberry32(SEED);
	const pick = (list) => list[Math.floor(random() * list.length)];
	const documents = new Ledger();
	const transitions = new Ledger();
	let now = BASE;
	let failedPolls = 0;
	let late = 0;

	const agents = Array.from({ length: 10 }, (_, i) => sandbox.agents.insertAgent({ name: `soak-${i}`, state: 'NEW' }));
	const documentTrigger = new Trigger(sandbox, { event: 'documentCreated' });
	const agentTrigger = new Trigger(sandbox, { event: 'agentStateChanged' });
	const triggers = [
		{ trigger: documentTrigger, path: DOCUMENTS_LIST, ledger: documents, record: (item) => documents.emit(item.id) },
		{
			trigger: agentTrigger,
			path: /^\/api\/agents/,
			ledger: transitions,
			record: (item) => transitions.emit(item.lifecycleEvent?.id ?? 'none'),
		},
	];
	for (const { trigger } of triggers) expect((await trigger.poll()).json).toEqual([]);

	const insertDocuments = () => {
		const burst = random() < 0.08;
		const count = burst ? 100 + Math.floor(random() * 200) : Math.floor(random() * 30);
		for (let i = 0; i < count; i++) {
			// Some rows become visible late, with a created_at up to the look-back window in the past.
			const late = !burst && random() < 0.1;
			const createdAt = late ? now - Math.floor(random() * LOOKBACK_MS) : now;
			documents.expect(sandbox.documents.insert(PROFILE, { title: `s${i}`, createdAt }).id);
		}
	};
	const deleteOldDocuments = () => {
		// Old documents (outside every trigger window) go now and then: list offsets shift.
		const old = [...sandbox.documents.docs.values()].filter((doc) => doc.createdAt < now - 10 * LOOKBACK_MS);
		for (let i = 0; i < 3 && old.length > 0; i++) sandbox.documents.docs.delete(pick(old).id);
	};
	const moveAgents = () => {
		const moves = Math.floor(random() * 12);
		for (let i = 0; i < moves; i++) {
			const agent = sandbox.agents.agents.get(pick(agents).uuid);
			// Restarts (ACTIVE or DRAINING back to PROVISIONED) as well as the FSM; final states stay final.
			const targets = ['ACTIVE', 'DRAINING'].includes(agent.state)
				? [...TRANSITIONS[agent.state], 'PROVISIONED']
				: TRANSITIONS[agent.state];
			if (targets.length === 0) continue;
			// Final states are rare, or every agent would soon stop moving.
			const lasting = targets.filter((state) => !['TERMINATED', 'KILLED'].includes(state));
			const to = lasting.length > 0 && random() > 0.01 ? pick(lasting) : pick(targets);
			const eventType = to === 'PROVISIONED' && agent.state !== 'NEW' ? 'RESTARTED' : 'STATE_CHANGE';
			sandbox.agents.transition(agent.uuid, to, { at: new Date(now).toISOString(), eventType });
			transitions.expect(sandbox.agents.history.get(agent.uuid).events.at(-1).id);
		}
	};
	const poll = async ({ trigger, path, ledger, record }, { faults }) => {
		// A poll that fails somewhere in the middle must leave no trace; the next one catches up.
		const unhook =
			faults && random() < 0.15
				? failNth(sandbox, 1 + Math.floor(random() * 3), { path, mode: pick(['500', 'reset']) })
				: undefined;
		const due = ledger.due();
		const run = await trigger.poll();
		unhook?.();
		if (run.error) {
			failedPolls++;
			expect(run.items).toEqual([]);
			return;
		}
		for (const item of run.json) record(item);
		// Not just eventually: every event that happened before a successful poll is out by its end.
		late += due.filter((key) => !ledger.emitted.has(key)).length;
	};

	for (let step = 0; step < STEPS; step++) {
		now += pick([0, 0, 1, 3, 40, 250, 900, 5_000]);
		if (random() < 0.7) insertDocuments();
		if (random() < 0.1) deleteOldDocuments();
		if (random() < 0.6) moveAgents();
		for (const entry of triggers) if (random() < 0.35) await poll(entry, { faults: true });
	}
	for (const entry of triggers) await poll(entry, { faults: false });
	for (const entry of triggers) expect((await entry.trigger.poll()).json).toEqual([]);

	const polls = documentTrigger.polls + agentTrigger.polls;
	const summary = {
		expected: documents.expected.size + transitions.expected.size,
		emitted: documents.emitted.size + transitions.emitted.size,
		missed: documents.missed + transitions.missed,
		duplicated: documents.duplicated + transitions.duplicated,
		unexpected: documents.unexpected + transitions.unexpected,
		late,
	};
	process.stdout.write(
		`trigger soak (seed ${SEED}): events expected ${summary.expected} (documents ${documents.expected.size}, ` +
			`agent transitions ${transitions.expected.size}), emitted ${summary.emitted}, missed ${summary.missed}, ` +
			`duplicated ${summary.duplicated}, unexpected ${summary.unexpected}, late ${late}, polls ${polls} (${failedPolls} failed on purpose), ` +
			`requests ${sandbox.log.length}\n`,
	);
	expect(documents.expected.size).toBeGreaterThan(3_000);
	expect(transitions.expected.size).toBeGreaterThan(500);
	expect(failedPolls).toBeGreaterThan(5);
	expect(summary).toMatchObject({ missed: 0, duplicated: 0, unexpected: 0, late: 0 });
	expect(summary.emitted).toBe(summary.expected);
});
