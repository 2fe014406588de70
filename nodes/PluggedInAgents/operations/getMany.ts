import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { returnAllOrLimit, SIMPLIFY } from '../../shared/fields';
import type { Operation } from '../../shared/operations';
import { AGENT_STATES, withoutSecrets } from '../../shared/resources/agents';
import { readParameters, validate } from '../../shared/validate';
import { STATE_OPTIONS } from '../fields';
import { agentRequest } from '../request';

/** The fields a simplified agent keeps. */
const SIMPLE_FIELDS = [
	'uuid',
	'name',
	'dns_name',
	'state',
	'access_level',
	'deployment_status',
	'created_at',
	'last_heartbeat_at',
];

const schema = z.object({
	returnAll: z.boolean(),
	limit: z.number().int().min(1).optional(),
	states: z.array(z.enum(AGENT_STATES)).default([]),
	simplify: z.boolean(),
});

export const getMany: Operation = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		description: "List the profile's agents, newest first (deleted agents included, as TERMINATED)",
		action: 'Get many agents',
	},
	fields: [
		{
			displayName: 'States',
			name: 'states',
			type: 'multiOptions',
			options: STATE_OPTIONS,
			default: [],
			description: 'Only agents in these states. Empty: every state, TERMINATED included.',
		},
		...returnAllOrLimit(),
		SIMPLIFY,
	],
	async execute(call) {
		const { node, itemIndex } = call;
		const input = validate(
			node,
			schema,
			readParameters(call.ctx, call.itemIndex, { returnAll: false, limit: 50, states: [], simplify: true }),
			itemIndex,
		);
		// The server sends every agent in one bare array: no paging, no filters.
		const agents = await agentRequest<IDataObject[]>(call, { method: 'GET', path: '/api/agents' });
		const wanted = agents.filter((agent) => input.states.length === 0 || input.states.includes(agent.state as never));
		const chosen = input.returnAll ? wanted : wanted.slice(0, input.limit);
		return chosen.map((agent) => withoutSecrets(input.simplify ? pick(agent, SIMPLE_FIELDS) : agent));
	},
};

function pick(agent: IDataObject, fields: string[]): IDataObject {
	return Object.fromEntries(fields.filter((field) => field in agent).map((field) => [field, agent[field]]));
}
