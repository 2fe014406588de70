import type { IDataObject } from 'n8n-workflow';

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
 * Every output of this node goes through here. Drops `model_router_token` at any depth, and
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
