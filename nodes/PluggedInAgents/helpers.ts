import type { IDataObject, INodeProperties, INodePropertyOptions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { idLocator } from '../shared/fields';
import type { OperationCall } from '../shared/operations';
import type { RequestSpec } from '../shared/transport';
import { validate } from '../shared/validate';

export const AGENT_STATES = ['NEW', 'PROVISIONED', 'ACTIVE', 'DRAINING', 'TERMINATED', 'KILLED'] as const;
export type AgentState = (typeof AGENT_STATES)[number];
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

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const AGENT_LOCATOR: INodeProperties = idLocator({
	name: 'agentId',
	displayName: 'Agent',
	searchMethod: 'searchAgents',
	idPattern: UUID.source,
	idError: 'An agent ID is a UUID, e.g. 0a9e6f10-5c1d-4c59-9b8e-7a1d2c3b4e01',
});

const agentIdSchema = z.object({ agentId: z.string().trim().regex(UUID, 'must be an agent UUID') });

/** The agent's UUID from the locator; the server answers anything else with a 500, so check first. */
export function readAgentId({ ctx, node, itemIndex }: OperationCall): string {
	const agentId = ctx.getNodeParameter('agentId', itemIndex, '', { extractValue: true });
	return validate(node, agentIdSchema, { agentId }, itemIndex).agentId.toLowerCase();
}

/**
 * Parameters of one item, each with the value to use when it is hidden for this item
 * (n8n throws for a hidden parameter read without a fallback).
 */
export function readParams(call: OperationCall, fallbacks: Record<string, unknown>): Record<string, unknown> {
	const params: Record<string, unknown> = {};
	for (const [name, fallback] of Object.entries(fallbacks)) {
		params[name] = call.ctx.getNodeParameter(name, call.itemIndex, fallback as never);
	}
	return params;
}

export function agentPath(agentId: string, action?: string): string {
	return `/api/agents/${agentId}${action ? `/${action}` : ''}`;
}

/** A message and description that replace the transport's for one status of one operation. */
export type Explain = (status: number, body: IDataObject) => { message?: string; description?: string } | undefined;

/**
 * A request to the agents API whose errors carry what the server says about the agent (its current
 * state, the allowed transitions, the hint) in the description. `explain` rewords a status.
 */
export async function agentRequest<T = IDataObject>(
	call: OperationCall,
	spec: RequestSpec,
	explain?: Explain,
): Promise<T> {
	try {
		return await call.api.request<T>({ ...spec, itemIndex: call.itemIndex });
	} catch (error) {
		if (!(error instanceof NodeApiError))
			throw new NodeOperationError(call.node, error as Error, { itemIndex: call.itemIndex });
		const body = (error.errorResponse ?? {}) as IDataObject;
		const custom = explain?.(Number(error.httpCode), body);
		const details = serverDetails(body);
		// Given a NodeApiError, the constructor returns it unchanged.
		if (!custom && !details) throw new NodeApiError(call.node, error as unknown as JsonObject);
		const description = [details, custom?.description ?? error.description].filter(Boolean).join(' ');
		const explained = new NodeApiError(call.node, body as JsonObject, {
			description,
			httpCode: error.httpCode ?? undefined,
			itemIndex: call.itemIndex,
		});
		// The server's words, set after construction: n8n swaps a message naming ECONNREFUSED (here the
		// cluster's, not Plugged.in's) for "The service refused the connection".
		const serverMessage = typeof body.error === 'string' ? `Plugged.in: ${body.error}` : error.message;
		explained.message = custom?.message ?? serverMessage;
		throw explained;
	}
}

/** The explaining fields of an agents error body, in words. */
export function serverDetails(body: IDataObject): string {
	const parts: string[] = [];
	const state = body.current_state;
	if (typeof state === 'string') parts.push(`The agent is ${state}.`);
	if (Array.isArray(body.allowed_transitions)) {
		parts.push(
			body.allowed_transitions.length
				? `From ${state} it can only move to ${body.allowed_transitions.join(', ')}.`
				: `${state} is a final state: it allows no transition.`,
		);
	}
	if (Array.isArray(body.allowed_states)) parts.push(`This works only from ${body.allowed_states.join(', ')}.`);
	if (Array.isArray(body.restartable_states)) {
		parts.push(`Restart works from ${body.restartable_states.join(', ')}, or from any state with Force on.`);
	} else if (typeof body.hint === 'string') {
		parts.push(`Plugged.in says: ${body.hint}.`);
	}
	if (typeof body.max_age_ms === 'number' && typeof body.received_age_ms === 'number') {
		parts.push(
			`The timestamp was ${Math.round(body.received_age_ms / 1000)} s old; this mode accepts at most ${body.max_age_ms / 1000} s (leave Timestamp empty to use the time of sending).`,
		);
	}
	return parts.join(' ');
}
