import type { IDataObject } from 'n8n-workflow';

import { toIsoZ } from '../shared/dates';
import { agentOutput, type AgentRow } from './agents';

/** PAP heartbeat intervals per mode (IDLE is the default mode). */
const INTERVAL_MS: Record<string, number> = { EMERGENCY: 5_000, IDLE: 30_000, SLEEP: 15 * 60_000 };
/** Stands for "no heartbeat yet" in the state. */
export const NEVER = 'never';

export interface Silence {
	mode: string;
	intervalMs: number;
	silentSince: string;
	missed: number;
}

/** How long an ACTIVE agent has been silent, in intervals of its mode; undefined for other agents. */
export function silenceOf(agent: AgentRow, now: number): Silence | undefined {
	const metadata = (agent.metadata ?? {}) as IDataObject;
	// A suspended agent is silent on purpose: the server's own zombie check skips it too.
	if (agent.state !== 'ACTIVE' || metadata.intentionally_suspended === true) return undefined;
	const declared = String(metadata.last_heartbeat_mode ?? agent.heartbeat_mode ?? 'IDLE');
	const mode = declared in INTERVAL_MS ? declared : 'IDLE';
	const silentSince = toIsoZ(agent.last_heartbeat_at ?? agent.activated_at ?? agent.created_at);
	if (silentSince === undefined) return undefined;
	const missed = Math.floor((now - Date.parse(silentSince)) / INTERVAL_MS[mode]);
	return { mode, intervalMs: INTERVAL_MS[mode], silentSince, missed };
}

export function missedItem(agent: AgentRow, silence: Silence, now: number, threshold: number): IDataObject {
	return {
		event: 'agentHeartbeatMissed',
		mode: silence.mode,
		intervalSeconds: silence.intervalMs / 1000,
		lastHeartbeatAt: toIsoZ(agent.last_heartbeat_at) ?? null,
		silentSeconds: Math.floor((now - Date.parse(silence.silentSince)) / 1000),
		missedIntervals: silence.missed,
		threshold,
		agent: agentOutput(agent),
	};
}
