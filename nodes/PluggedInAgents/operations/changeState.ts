import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { toIsoZ } from '../../shared/dates';
import type { Operation } from '../../shared/operations';
import { AGENT_STATES, agentPath, withoutSecrets } from '../../shared/resources/agents';
import { readParameters, validate } from '../../shared/validate';
import { AGENT_LOCATOR, FSM_TEXT, readAgentId, STATE_OPTIONS } from '../fields';
import { agentRequest } from '../request';

const schema = z.object({
	fromState: z.enum(AGENT_STATES),
	toState: z.enum(AGENT_STATES),
	timestamp: z.unknown().transform((value) => toIsoZ(value)),
});

export const changeState: Operation = {
	option: {
		name: 'Change State',
		value: 'changeState',
		description: "Move an agent along the PAP state machine (the server checks the move and the agent's current state)",
		action: 'Change the state of an agent',
	},
	fields: [
		AGENT_LOCATOR,
		{
			displayName: 'From State',
			name: 'fromState',
			type: 'options',
			options: STATE_OPTIONS,
			default: 'ACTIVE',
			description: 'The state the agent is in now: if it is in another one, nothing changes (409)',
		},
		{
			displayName: 'To State',
			name: 'toState',
			type: 'options',
			options: STATE_OPTIONS,
			default: 'DRAINING',
			description: `The state to move to. Allowed moves: ${FSM_TEXT}. Only this operation can set KILLED.`,
		},
	],
	options: [
		{
			displayName: 'Timestamp',
			name: 'timestamp',
			type: 'dateTime',
			default: '',
			description: 'When the change happened, recorded in the lifecycle event. Empty: now.',
		},
	],
	async execute(call) {
		const { ctx, node, itemIndex } = call;
		const agentId = readAgentId(call);
		const params = {
			...readParameters(call.ctx, call.itemIndex, { fromState: 'ACTIVE', toState: 'DRAINING' }),
			timestamp: ctx.getNodeParameter('options.timestamp', itemIndex, ''),
		};
		const input = validate(node, schema, params, itemIndex);
		const body: IDataObject = { from_state: input.fromState, to_state: input.toState, timestamp: input.timestamp };
		const result = await agentRequest(
			call,
			{ method: 'POST', path: agentPath(agentId, 'state'), body, resource: `agent ${agentId}` },
			(status) => {
				if (status === 409)
					return { description: 'Get the agent to read its state, then set From State to it and run again.' };
				if (status === 400) return { description: `Allowed moves: ${FSM_TEXT}.` };
				return undefined;
			},
		);
		return withoutSecrets(result);
	},
};
