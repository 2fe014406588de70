import type { IDataObject, INode, INodeProperties, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { normaliseTimestamps, toIsoZ } from '../shared/dates';
import { AGENT_STATES, agentLocator, agentPath, withoutSecrets } from '../shared/resources/agents';
import { UUID } from '../shared/resources/ids';
import type { PluggedInApi } from '../shared/transport';
import { validate } from '../shared/validate';

const AGENT_TIMESTAMPS = ['created_at', 'provisioned_at', 'activated_at', 'terminated_at', 'last_heartbeat_at'];

const stateOptions = AGENT_STATES.map((state) => ({ name: state, value: state }));

/** Optional: empty watches every agent of the profile. */
export const AGENT_FILTER: INodeProperties = {
	...agentLocator('agent'),
	required: false,
	description: 'Only this agent. Empty: every agent of the profile. Changing it starts the trigger over.',
};

/** The filters of Agent State Changed (besides the agent). */
export const STATE_CHANGE_FIELDS: INodeProperties[] = [
	{
		displayName: 'From States',
		name: 'fromStates',
		type: 'multiOptions',
		options: stateOptions,
		default: [],
		description: 'Only changes out of these states. None selected: any.',
	},
	{
		displayName: 'To States',
		name: 'toStates',
		type: 'multiOptions',
		options: stateOptions,
		default: [],
		description: 'Only changes into these states. None selected: any.',
	},
	{
		displayName: 'Catch Undone Changes',
		name: 'watchRoundTrips',
		type: 'boolean',
		default: true,
		description:
			'Whether to read the lifecycle events of every PROVISIONED, ACTIVE or DRAINING agent on each poll (one request per agent), so that a change undone before the next poll (ACTIVE → DRAINING → ACTIVE) is still reported. Off: an agent is read only when its state differs from the last poll.',
	},
];

export interface AgentRow extends IDataObject {
	uuid: string;
	state: string;
	last_heartbeat_at: string | null;
}

export interface LifecycleEvent extends IDataObject {
	id: string;
	event_type: string;
	from_state: string | null;
	to_state: string | null;
	timestamp: string;
}

export function readAgentFilter(ctx: IPollFunctions): string | undefined {
	const agent = ctx.getNodeParameter('agent', '', { extractValue: true }) as string;
	const schema = z.object({ agent: z.string().trim().regex(UUID, 'must be an agent UUID').or(z.literal('')) });
	return validate(ctx.getNode(), schema, { agent: agent ?? '' }).agent.toLowerCase() || undefined;
}

/** GET /api/agents (a bare array, every agent of the profile), narrowed to the chosen agent. */
export async function listAgents(node: INode, api: PluggedInApi, agentId?: string): Promise<AgentRow[]> {
	const agents = await api.request<AgentRow[]>({ method: 'GET', path: '/api/agents' });
	if (!agentId) return agents;
	const chosen = agents.filter((agent) => agent.uuid.toLowerCase() === agentId);
	if (chosen.length === 0) {
		throw new NodeOperationError(node, `Plugged.in has no agent ${agentId} in this profile`, {
			description: 'Pick the agent again from the list, or empty the Agent parameter to watch every agent.',
		});
	}
	return chosen;
}

/** GET /api/agents/{id}: the agent and its newest lifecycle events (≤ 100, newest first). */
export async function readAgent(
	api: PluggedInApi,
	uuid: string,
): Promise<{ agent: AgentRow; lifecycleEvents: LifecycleEvent[] }> {
	const body = await api.request<IDataObject>({
		method: 'GET',
		path: agentPath(uuid),
		resource: `agent ${uuid}`,
	});
	const events = Array.isArray(body.lifecycleEvents) ? (body.lifecycleEvents as LifecycleEvent[]) : [];
	return {
		agent: body.agent as AgentRow,
		lifecycleEvents: events.map((event) => ({ ...event, id: String(event.id) })),
	};
}

/** An agent row for output: ISO Z timestamps, no token, secret-looking metadata redacted. */
export function agentOutput(agent: IDataObject): IDataObject {
	return withoutSecrets(normaliseTimestamps(agent, AGENT_TIMESTAMPS));
}

/** A lifecycle event for output: ISO Z timestamp, secret-looking metadata redacted. */
export function lifecycleOutput(event: LifecycleEvent): IDataObject {
	return withoutSecrets({ ...event, timestamp: toIsoZ(event.timestamp) ?? event.timestamp });
}

/** Lifecycle ids are bigserial numbers sent as strings: compare them as numbers of any size. */
export function isNewerId(id: string, than: string | null): boolean {
	if (than === null) return true;
	return id.length !== than.length ? id.length > than.length : id > than;
}
