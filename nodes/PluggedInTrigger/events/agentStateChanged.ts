import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { toIsoZ } from '../../shared/dates';
import { AGENT_STATES } from '../../shared/resources/agents';
import { readParameters, validate } from '../../shared/validate';
import {
	AGENT_FILTER,
	agentOutput,
	type AgentRow,
	lifecycleOutput,
	listAgents,
	readAgent,
	readAgentFilter,
	STATE_CHANGE_FIELDS,
} from '../agents';
import { defineEvent } from '../event';
import { type AgentMark, needsRead, nextMark, type Transition, transitionsSince, whenOf } from '../transitions';

const schema = z.object({
	agent: z.string().optional(),
	fromStates: z.array(z.enum(AGENT_STATES)).default([]),
	toStates: z.array(z.enum(AGENT_STATES)).default([]),
	watchRoundTrips: z.boolean().default(true),
});
type Params = z.output<typeof schema>;

interface State {
	agents: Record<string, AgentMark>;
}

function transitionItem(agent: AgentRow, { from, to, lifecycleEvent }: Transition): IDataObject {
	return {
		event: 'agentStateChanged',
		from,
		to,
		timestamp: lifecycleEvent ? (toIsoZ(lifecycleEvent.timestamp) ?? null) : null,
		agent: agentOutput(agent),
		lifecycleEvent: lifecycleEvent && lifecycleOutput(lifecycleEvent),
	};
}

const matches = (params: Params) => (item: IDataObject) =>
	(params.fromStates.length === 0 || (params.fromStates as string[]).includes(item.from as string)) &&
	(params.toStates.length === 0 || (params.toStates as string[]).includes(item.to as string));

export const agentStateChanged = defineEvent<Params, State>({
	option: {
		name: 'Agent State Changed',
		value: 'agentStateChanged',
		description: 'A PAP agent moved from one lifecycle state to another (each step is reported)',
	},
	fields: [AGENT_FILTER, ...STATE_CHANGE_FIELDS],
	readParams: (ctx) =>
		validate(ctx.getNode(), schema, {
			...readParameters(ctx, undefined, ['fromStates', 'toStates', 'watchRoundTrips']),
			agent: readAgentFilter(ctx),
		}),
	stateKey: (params) => params.agent ?? 'all',
	async poll(state, api, params, _now, node) {
		const agents = await listAgents(node, api, params.agent);
		const marks: Record<string, AgentMark> = {};
		const timed: Array<{ when: string; item: IDataObject }> = [];
		for (const listed of agents) {
			const mark = state?.agents[listed.uuid];
			// First activation reads every agent once, so each has a mark to compare with later.
			if (state !== undefined && !needsRead(listed, mark, params.watchRoundTrips)) {
				marks[listed.uuid] = nextMark(listed, mark);
				continue;
			}
			const read = await readAgent(api, listed.uuid);
			marks[listed.uuid] = nextMark(listed, mark, read);
			if (state === undefined) continue;
			const transitions = transitionsSince(mark, read.agent, read.lifecycleEvents);
			const times = whenOf(transitions);
			transitions.forEach((change, i) => timed.push({ when: times[i], item: transitionItem(listed, change) }));
		}
		// Chronological across agents (a stable sort keeps each agent's own order).
		timed.sort((a, b) => (a.when < b.when ? -1 : a.when > b.when ? 1 : 0));
		const items = timed.map(({ item }) => item).filter(matches(params));
		return { items, nextState: { agents: marks } };
	},
	async sample(api, params, _now, node) {
		const [first] = await listAgents(node, api, params.agent);
		if (!first) return undefined;
		const { agent, lifecycleEvents } = await readAgent(api, first.uuid);
		const [latest] = transitionsSince(undefined, agent, lifecycleEvents).reverse();
		return latest && transitionItem(first, latest);
	},
});
