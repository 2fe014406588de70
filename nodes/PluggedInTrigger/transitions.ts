import { toIsoZ } from '../shared/dates';
import { type AgentRow, isNewerId, type LifecycleEvent } from './agents';

/** What the trigger remembers of one agent between polls. */
export interface AgentMark {
	state: string;
	lastHeartbeat: string | null;
	/** The newest lifecycle event already looked at (bigserial id as a string), null before any. */
	lastEventId: string | null;
}

export interface Transition {
	from: string | null;
	to: string;
	/** The lifecycle event that records it; null when the state moved without one the trigger could see. */
	lifecycleEvent: LifecycleEvent | null;
}

/** States an agent can leave and re-enter between two polls through POST /state alone (no visible trace in the list). */
const ROUND_TRIP_STATES = ['PROVISIONED', 'ACTIVE', 'DRAINING'];

/**
 * Whether the agent's lifecycle events must be read this poll: a new agent or a new state always;
 * with round trips watched, also every agent in a state it may have left and re-entered, and any
 * agent whose heartbeat moved (restart and resume reset it, even from a final state).
 */
export function needsRead(agent: AgentRow, mark: AgentMark | undefined, watchRoundTrips: boolean): boolean {
	if (!mark || agent.state !== mark.state) return true;
	return watchRoundTrips && (ROUND_TRIP_STATES.includes(agent.state) || agent.last_heartbeat_at !== mark.lastHeartbeat);
}

/**
 * The state changes since the mark, oldest first, from the lifecycle events (newest first, at most
 * 100). Where the events do not connect (more than 100 since the last poll, or a change the server
 * did not log), a change without an event fills the gap, so the reported chain always ends in the
 * agent's current state.
 */
export function transitionsSince(mark: AgentMark | undefined, agent: AgentRow, events: LifecycleEvent[]): Transition[] {
	const since = mark ? mark.lastEventId : null;
	const newer = events.filter((event) => isNewerId(event.id, since)).reverse();
	const transitions: Transition[] = [];
	let current = mark ? mark.state : null;
	for (const event of newer) {
		if (!event.to_state || event.from_state === event.to_state) continue;
		if (current !== null && event.from_state !== null && event.from_state !== current) {
			transitions.push({ from: current, to: event.from_state, lifecycleEvent: null });
		}
		transitions.push({ from: event.from_state, to: event.to_state, lifecycleEvent: event });
		current = event.to_state;
	}
	if (current !== agent.state) transitions.push({ from: current, to: agent.state, lifecycleEvent: null });
	return transitions;
}

/** The mark after a poll; `read` holds the agent's own answer when its events were read. */
export function nextMark(
	listed: AgentRow,
	mark: AgentMark | undefined,
	read?: { agent: AgentRow; lifecycleEvents: LifecycleEvent[] },
): AgentMark {
	const newestId = read?.lifecycleEvents.reduce<string | null>(
		(newest, event) => (isNewerId(event.id, newest) ? event.id : newest),
		null,
	);
	return {
		// The read's state goes with its events; the list may be a moment older.
		state: read ? read.agent.state : listed.state,
		lastHeartbeat: listed.last_heartbeat_at,
		lastEventId: newestId ?? mark?.lastEventId ?? null,
	};
}

/**
 * When each change happened, for ordering changes of several agents: its event's time; a change
 * without an event takes the time of the event after it (a gap) or before it (the end).
 */
export function whenOf(transitions: Transition[]): string[] {
	const times = transitions.map(({ lifecycleEvent }) => (lifecycleEvent && toIsoZ(lifecycleEvent.timestamp)) || '');
	for (let i = times.length - 2; i >= 0; i--) if (!times[i]) times[i] = times[i + 1];
	for (let i = 1; i < times.length; i++) if (!times[i]) times[i] = times[i - 1];
	return times;
}
