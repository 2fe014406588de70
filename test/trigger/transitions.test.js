'use strict';
/** Agent State Changed's logic as plain data: which agents to read, the chain of changes, their times. */
const { needsRead, nextMark, transitionsSince, whenOf } = require('../../nodes/PluggedInTrigger/transitions');

const agent = (state, lastHeartbeat = null) => ({ uuid: 'a1', state, last_heartbeat_at: lastHeartbeat });
const mark = (state, lastEventId = null, lastHeartbeat = null) => ({ state, lastEventId, lastHeartbeat });
/** Lifecycle events come newest first, as the server sends them. */
const event = (id, from, to, timestamp = `2026-12-01T10:00:0${id % 10}.000Z`) => ({
	id: String(id),
	event_type: 'STATE_CHANGE',
	from_state: from,
	to_state: to,
	timestamp,
});
const steps = (transitions) =>
	transitions.map(({ from, to, lifecycleEvent }) => `${from}>${to}${lifecycleEvent ? '' : '?'}`);

describe('needsRead', () => {
	test('a new agent or a new state is always read', () => {
		expect(needsRead(agent('NEW'), undefined, false)).toBe(true);
		expect(needsRead(agent('ACTIVE'), mark('PROVISIONED'), false)).toBe(true);
	});
	test('an unchanged agent is read only when round trips are watched and it may have made one', () => {
		expect(needsRead(agent('ACTIVE'), mark('ACTIVE'), false)).toBe(false);
		expect(needsRead(agent('ACTIVE'), mark('ACTIVE'), true)).toBe(true);
		expect(needsRead(agent('TERMINATED'), mark('TERMINATED'), true)).toBe(false);
		// restart and resume reset the heartbeat, even from a final state
		expect(needsRead(agent('KILLED', '2026-12-01T10:00:00Z'), mark('KILLED'), true)).toBe(true);
	});
});

describe('transitionsSince', () => {
	test('events since the mark, oldest first; older ones and non-changes are left out', () => {
		const events = [
			event(13, 'DRAINING', 'ACTIVE'),
			event(12, 'ACTIVE', 'ACTIVE'),
			event(11, 'ACTIVE', 'DRAINING'),
			event(10, 'PROVISIONED', 'ACTIVE'),
		];
		expect(steps(transitionsSince(mark('ACTIVE', '10'), agent('ACTIVE'), events))).toEqual([
			'ACTIVE>DRAINING',
			'DRAINING>ACTIVE',
		]);
	});
	test('a round trip undone between polls is reported although the state looks unchanged', () => {
		const events = [event(21, 'DRAINING', 'ACTIVE'), event(20, 'ACTIVE', 'DRAINING')];
		expect(steps(transitionsSince(mark('ACTIVE', '19'), agent('ACTIVE'), events))).toHaveLength(2);
	});
	test('a gap in the events is bridged by a change without an event, and the chain ends in the current state', () => {
		// more than 100 events since the last poll: the oldest visible one starts from DRAINING, not ACTIVE
		const events = [event(31, 'DRAINING', 'TERMINATED')];
		expect(steps(transitionsSince(mark('ACTIVE', '1'), agent('KILLED'), events))).toEqual([
			'ACTIVE>DRAINING?',
			'DRAINING>TERMINATED',
			'TERMINATED>KILLED?',
		]);
	});
	test('a first sight of an agent starts from its first event; nothing new gives nothing', () => {
		const events = [event(2, 'NEW', 'PROVISIONED'), event(1, null, 'NEW')];
		expect(steps(transitionsSince(undefined, agent('PROVISIONED'), events))).toEqual(['null>NEW', 'NEW>PROVISIONED']);
		expect(transitionsSince(mark('PROVISIONED', '2'), agent('PROVISIONED'), events)).toEqual([]);
	});
	test('ids compare as numbers of any size, not as text', () => {
		const events = [event(100, 'ACTIVE', 'DRAINING')];
		expect(steps(transitionsSince(mark('ACTIVE', '99'), agent('DRAINING'), events))).toEqual(['ACTIVE>DRAINING']);
		expect(transitionsSince(mark('DRAINING', '100'), agent('DRAINING'), events)).toEqual([]);
	});
});

describe('nextMark', () => {
	test('the read’s state and newest event id win; the list gives the heartbeat', () => {
		const read = {
			agent: agent('DRAINING'),
			lifecycleEvents: [event(8, 'ACTIVE', 'DRAINING'), event(9, 'DRAINING', 'DRAINING')],
		};
		expect(nextMark(agent('ACTIVE', 'hb'), mark('ACTIVE', '3'), read)).toEqual(mark('DRAINING', '9', 'hb'));
	});
	test('without a read the last event id is kept', () => {
		expect(nextMark(agent('ACTIVE', 'hb2'), mark('ACTIVE', '3', 'hb1'))).toEqual(mark('ACTIVE', '3', 'hb2'));
		expect(nextMark(agent('NEW'), undefined)).toEqual(mark('NEW'));
	});
});

describe('whenOf', () => {
	test('a change without an event takes the time of the next one, or at the end of the previous one', () => {
		const t1 = '2026-12-01T10:00:01.000Z';
		const t2 = '2026-12-01T10:00:02.000Z';
		const chain = [
			{ from: 'ACTIVE', to: 'DRAINING', lifecycleEvent: null },
			{ from: 'DRAINING', to: 'TERMINATED', lifecycleEvent: event(1, 'DRAINING', 'TERMINATED', t1) },
			{ from: 'TERMINATED', to: 'KILLED', lifecycleEvent: event(2, 'TERMINATED', 'KILLED', t2) },
			{ from: 'KILLED', to: 'PROVISIONED', lifecycleEvent: null },
		];
		expect(whenOf(chain)).toEqual([t1, t1, t2, t2]);
	});
	test('equal timestamps stay equal (ordering across agents then keeps the list order)', () => {
		const t = '2026-12-01T10:00:00.000Z';
		const chain = [
			{ from: 'NEW', to: 'PROVISIONED', lifecycleEvent: event(1, 'NEW', 'PROVISIONED', t) },
			{ from: 'PROVISIONED', to: 'ACTIVE', lifecycleEvent: event(2, 'PROVISIONED', 'ACTIVE', t) },
		];
		expect(whenOf(chain)).toEqual([t, t]);
	});
});
