import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, INodeProperties } from 'n8n-workflow';

import { idLocator } from '../fields';
import { PluggedInApi } from '../transport';
import { UUID_PATTERN } from './ids';

/** An agent's lifecycle states, in the order of the state machine. */
export const AGENT_STATES = ['NEW', 'PROVISIONED', 'ACTIVE', 'DRAINING', 'TERMINATED', 'KILLED'] as const;
export type AgentState = (typeof AGENT_STATES)[number];

/** The Agent picker field (list, or an agent UUID); the node's `methods.listSearch.searchAgents` fills the list. */
export function agentLocator(name: string): INodeProperties {
	return idLocator({
		name,
		displayName: 'Agent',
		searchMethod: 'searchAgents',
		idPattern: UUID_PATTERN,
		idError: 'An agent ID is a UUID, e.g. 0a9e6f10-5c1d-4c59-9b8e-7a1d2c3b4e01',
	});
}

export function agentPath(agentId: string, action?: string): string {
	return `/api/agents/${agentId}${action ? `/${action}` : ''}`;
}

/** The Agent picker: every agent of the profile (one request, the server does not page), filtered by name, state or id. */
export async function searchAgents(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const api = await PluggedInApi.create(this);
	const agents = await api.request<IDataObject[]>({ method: 'GET', path: '/api/agents' });
	const needle = (filter ?? '').trim().toLowerCase();
	const results = agents
		.filter(
			(agent) =>
				!needle || [agent.name, agent.state, agent.uuid].some((value) => String(value).toLowerCase().includes(needle)),
		)
		.map((agent) => ({ name: `${agent.name} (${agent.state})`, value: String(agent.uuid) }));
	return { results };
}

/** Agent fields that are credentials: the model router JWT is injected into the pod, never shown. */
const SECRET_FIELDS = new Set(['model_router_token']);

/** The server's own test for sensitive metadata keys (what its export redacts). */
const SENSITIVE_KEY_PARTS = [
	'api_key',
	'apikey',
	'secret',
	'token',
	'password',
	'passwd',
	'credential',
	'private',
	'auth',
	'bearer',
	'jwt',
	'session',
	'cookie',
];

/** Values that are credentials wherever they appear: a Plugged.in API key, a JWT. */
const SECRET_VALUES = [/^pg_in_[A-Za-z0-9]{64}$/, /^eyJ[\w-]*\.[\w-]+\.[\w-]*$/];

export const REDACTED = '[REDACTED]';

/**
 * Every output about an agent (Agents node and Trigger) goes through here. Drops `model_router_token` at any depth, and
 * inside any `metadata` redacts the keys the server itself treats as secret (env overrides such
 * as OPENAI_API_KEY live there). Kept: `model_router_token_issued_at` and `_revoked`, which say
 * when the token was issued and whether it still works, not what it is.
 */
export function withoutSecrets<T>(value: T): T {
	return strip(value, false) as T;
}

function strip(value: unknown, inMetadata: boolean): unknown {
	if (Array.isArray(value)) return value.map((entry) => strip(entry, inMetadata));
	if (typeof value === 'string') return SECRET_VALUES.some((pattern) => pattern.test(value)) ? REDACTED : value;
	if (typeof value !== 'object' || value === null) return value;
	const out: IDataObject = {};
	for (const [key, entry] of Object.entries(value)) {
		if (SECRET_FIELDS.has(key)) continue;
		const lower = key.toLowerCase();
		if (inMetadata && SENSITIVE_KEY_PARTS.some((part) => lower.includes(part))) {
			out[key] = REDACTED;
			continue;
		}
		out[key] = strip(entry, inMetadata || key === 'metadata') as IDataObject[string];
	}
	return out;
}
