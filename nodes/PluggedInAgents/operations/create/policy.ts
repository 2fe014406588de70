/**
 * What Plugged.in accepts when it creates an agent (APP lib/agent-name-policy.ts, lib/agent-helpers.ts),
 * checked here first so a bad value fails with a clear message and nothing is sent.
 * Each function returns a problem in words, or undefined.
 */

/** The server's reserved names (system routes, infrastructure, PAP and generic words). */
export const RESERVED_AGENT_NAMES = new Set(
	(
		'api app admin auth login logout register signup signin dashboard settings profile account user users ' +
		'www mail smtp pop imap ftp ssh vpn proxy cdn static assets media images files ' +
		'blog news help support docs documentation wiki forum community status health metrics monitor logs ' +
		'pap station satellite collector registry hub gateway agent agents cluster clusters node nodes ' +
		'test testing dev development staging prod production demo example sample default system internal ' +
		'private public root null undefined true false'
	).split(' '),
);

export const ALLOWED_IMAGE_PREFIXES = [
	'library/',
	'docker.io/library/',
	'nginxinc/',
	'docker.io/nginxinc/',
	'ghcr.io/veriteknik/',
	'ghcr.io/pluggedin/',
];

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const OFFICIAL_IMAGE = /^[a-z0-9]+([._-][a-z0-9]+)*(:[a-z0-9._-]+)?(@sha256:[a-f0-9]+)?$/;
const CPU = /^(\d+(?:\.\d+)?)(m)?$/;
const MEMORY = /^(\d+)(Ki|Mi|Gi|Ti)?$/;
const MAX_CPU_MILLICORES = 8 * 1000;
const MAX_MEMORY_BYTES = 16 * 1024 ** 3;
const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PROTECTED_ENV_KEYS = ['PORT', 'NODE_ENV', 'HOME', 'PATH', 'USER'];
const PROTECTED_ENV_PREFIXES = ['PAP_', 'PLUGGEDIN_', 'AGENT_'];
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/;

/** The name as the server stores it: lowercased and trimmed. */
export function normaliseAgentName(name: string): string {
	return name.toLowerCase().trim();
}

export function agentNameProblem(normalised: string): string | undefined {
	if (normalised.length < 2 || normalised.length > 63) return 'must be 2 to 63 characters long';
	if (!DNS_LABEL.test(normalised)) {
		return 'must be DNS-safe: lowercase letters, digits and hyphens only, starting and ending with a letter or digit';
	}
	if (normalised.includes('--')) return 'cannot contain two hyphens in a row';
	if (RESERVED_AGENT_NAMES.has(normalised)) return `'${normalised}' is reserved by Plugged.in and cannot be used`;
	return undefined;
}

export function imageProblem(image: string): string | undefined {
	const normalised = image.trim().toLowerCase();
	if (normalised.includes('..') || normalised.includes('//')) return 'is not a valid image reference';
	if (!normalised.includes('/')) {
		return OFFICIAL_IMAGE.test(normalised) ? undefined : 'is not a valid image name (e.g. nginx:alpine)';
	}
	if (ALLOWED_IMAGE_PREFIXES.some((prefix) => normalised.startsWith(prefix))) return undefined;
	return `must be an official Docker Hub image (e.g. nginx:alpine) or start with ${ALLOWED_IMAGE_PREFIXES.join(', ')}`;
}

export interface Resources {
	cpu_request?: string;
	cpu_limit?: string;
	memory_request?: string;
	memory_limit?: string;
}

/** Kubernetes quantities, the server's maximums (8 cores, 16Gi) and request ≤ limit. */
export function resourcesProblem(resources: Resources): { field: keyof Resources; message: string } | undefined {
	for (const field of ['cpu_request', 'cpu_limit'] as const) {
		const value = resources[field];
		if (value === undefined) continue;
		if (!CPU.test(value)) return { field, message: 'must be CPU in Kubernetes notation, e.g. 250m, 0.5 or 2' };
		if (millicores(value) > MAX_CPU_MILLICORES) return { field, message: 'cannot exceed 8 cores' };
	}
	for (const field of ['memory_request', 'memory_limit'] as const) {
		const value = resources[field];
		if (value === undefined) continue;
		if (!MEMORY.test(value)) return { field, message: 'must be memory in Kubernetes notation, e.g. 256Mi or 1Gi' };
		if (bytes(value) > MAX_MEMORY_BYTES) return { field, message: 'cannot exceed 16Gi' };
	}
	const { cpu_request, cpu_limit, memory_request, memory_limit } = resources;
	if (cpu_request && cpu_limit && millicores(cpu_request) > millicores(cpu_limit)) {
		return { field: 'cpu_request', message: `(${cpu_request}) cannot exceed the CPU limit (${cpu_limit})` };
	}
	if (memory_request && memory_limit && bytes(memory_request) > bytes(memory_limit)) {
		return { field: 'memory_request', message: `(${memory_request}) cannot exceed the memory limit (${memory_limit})` };
	}
	return undefined;
}

function millicores(value: string): number {
	const [, amount, milli] = CPU.exec(value) as RegExpExecArray;
	return milli ? Number(amount) : Number(amount) * 1000;
}

function bytes(value: string): number {
	const [, amount, unit = ''] = MEMORY.exec(value) as RegExpExecArray;
	return Number(amount) * 1024 ** ['', 'Ki', 'Mi', 'Gi', 'Ti'].indexOf(unit);
}

/** POSIX keys, no keys the platform sets itself, scalar values without control characters, 8 KB each, 64 KB in all. */
export function envOverridesProblem(env: Record<string, unknown>): string | undefined {
	if (JSON.stringify(env).length > 65536) return 'are larger than 64 KB';
	for (const [key, value] of Object.entries(env)) {
		if (!ENV_KEY.test(key)) return `key '${key}' is not a POSIX name (letters, digits, underscores; no leading digit)`;
		if (PROTECTED_ENV_KEYS.includes(key)) return `key '${key}' is set by Plugged.in and cannot be overridden`;
		const prefix = PROTECTED_ENV_PREFIXES.find((candidate) => key.startsWith(candidate));
		if (prefix) return `key '${key}': keys starting with ${prefix} are set by Plugged.in and cannot be overridden`;
		if (value === null || value === undefined) continue;
		if (!['string', 'number', 'boolean'].includes(typeof value))
			return `value of '${key}' must be text, a number or a boolean`;
		if (CONTROL_CHARACTERS.test(String(value))) return `value of '${key}' contains control characters`;
		if (String(value).length > 8192) return `value of '${key}' is larger than 8 KB`;
	}
	return undefined;
}
