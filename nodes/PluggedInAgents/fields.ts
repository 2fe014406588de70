import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { z } from 'zod';

import type { OperationCall } from '../shared/operations';
import { AGENT_STATES, agentLocator, type AgentState } from '../shared/resources/agents';
import { UUID } from '../shared/resources/ids';
import { validate } from '../shared/validate';

/** States an agent never leaves. */
export const FINAL_STATES: readonly AgentState[] = ['TERMINATED', 'KILLED'];

export const STATE_OPTIONS: INodePropertyOptions[] = AGENT_STATES.map((state) => ({
	name: state.charAt(0) + state.slice(1).toLowerCase(),
	value: state,
}));

export const ACCESS_LEVEL_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Private', value: 'PRIVATE', description: 'Only you can reach the agent' },
	{ name: 'Public', value: 'PUBLIC', description: 'Anyone with the link can reach the agent' },
];

/** The state machine the server enforces on Change State, for descriptions. */
export const FSM_TEXT =
	'NEW → PROVISIONED or KILLED; PROVISIONED → ACTIVE, TERMINATED or KILLED; ACTIVE → DRAINING or KILLED; DRAINING → TERMINATED, ACTIVE or KILLED; TERMINATED and KILLED are final';

export const AGENT_LOCATOR: INodeProperties = agentLocator('agentId');

const agentIdSchema = z.object({ agentId: z.string().trim().regex(UUID, 'must be an agent UUID') });

/** The agent's UUID from the locator; the server answers anything else with a 500, so check first. */
export function readAgentId({ ctx, node, itemIndex }: OperationCall): string {
	const agentId = ctx.getNodeParameter('agentId', itemIndex, '', { extractValue: true });
	return validate(node, agentIdSchema, { agentId }, itemIndex).agentId.toLowerCase();
}
