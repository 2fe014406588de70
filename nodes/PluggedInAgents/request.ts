import type { IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { OperationCall } from '../shared/operations';
import type { RequestSpec } from '../shared/transport';

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
		// A refusal the server explains by the agent's state is not the parameters' fault (the 400 wording says so).
		const advice = custom?.description ?? (details && error.httpCode === '400' ? 'Nothing was changed.' : error.description);
		const description = [details, advice].filter(Boolean).join(' ');
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
