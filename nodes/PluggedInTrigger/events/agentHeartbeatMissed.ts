import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { toIsoZ } from '../../shared/dates';
import { readParameters, validate } from '../../shared/validate';
import { AGENT_FILTER, type AgentRow, listAgents, readAgentFilter } from '../agents';
import { defineEvent } from '../event';
import { missedItem, NEVER, type Silence, silenceOf } from '../silence';

const schema = z.object({ agent: z.string().optional(), missedIntervals: z.number().int().min(1).max(1000) });
type Params = z.output<typeof schema>;

interface State {
	/** Agent uuid → the last heartbeat of the silence already reported (or recorded at activation). */
	reported: Record<string, string>;
}

export const agentHeartbeatMissed = defineEvent<Params, State>({
	option: {
		name: 'Agent Heartbeat Missed',
		value: 'agentHeartbeatMissed',
		description: 'An ACTIVE agent stopped sending heartbeats: the early warning before it is drained as a zombie',
	},
	fields: [
		AGENT_FILTER,
		{
			displayName: 'Missed Intervals',
			name: 'missedIntervals',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 1000 },
			default: 2,
			description:
				'Report an agent once its last heartbeat is at least this many intervals of its mode old (EMERGENCY 5 s, IDLE 30 s, SLEEP 15 min). Plugged.in marks it UNHEALTHY at 2 and drains it at 5.',
		},
	],
	readParams: (ctx) =>
		validate(ctx.getNode(), schema, {
			...readParameters(ctx, undefined, ['missedIntervals']),
			agent: readAgentFilter(ctx),
		}),
	stateKey: (params) => params.agent ?? 'all',
	async poll(state, api, params, now, node) {
		const reported: Record<string, string> = {};
		const items: IDataObject[] = [];
		for (const agent of await listAgents(node, api, params.agent)) {
			const lastHeartbeat = toIsoZ(agent.last_heartbeat_at) ?? NEVER;
			// One report per silence: again only after a new heartbeat and a new miss.
			if (state?.reported[agent.uuid] === lastHeartbeat) {
				reported[agent.uuid] = lastHeartbeat;
				continue;
			}
			const silence = silenceOf(agent, now);
			if (!silence || silence.missed < params.missedIntervals) continue;
			reported[agent.uuid] = lastHeartbeat;
			if (state !== undefined) items.push(missedItem(agent, silence, now, params.missedIntervals));
		}
		return { items, nextState: { reported } };
	},
	async sample(api, params, now, node) {
		const silent = (await listAgents(node, api, params.agent))
			.map((agent) => ({ agent, silence: silenceOf(agent, now) }))
			.filter((entry): entry is { agent: AgentRow; silence: Silence } => entry.silence !== undefined)
			.sort((a, b) => Date.parse(a.silence.silentSince) - Date.parse(b.silence.silentSince));
		return silent[0] && missedItem(silent[0].agent, silent[0].silence, now, params.missedIntervals);
	},
});
