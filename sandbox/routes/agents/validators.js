'use strict';
// What create checks, in the server's order, and what export redacts.
const { error } = require('../../http');

// ── Create-body policy (APP lib/agent-name-policy.ts, lib/agent-helpers.ts) ─────

const RESERVED_NAMES = new Set(
	(
		'api app admin auth login logout register signup signin dashboard settings profile account user users ' +
		'www mail smtp pop imap ftp ssh vpn proxy cdn static assets media images files ' +
		'blog news help support docs documentation wiki forum community status health metrics monitor logs ' +
		'pap station satellite collector registry hub gateway agent agents cluster clusters node nodes ' +
		'test testing dev development staging prod production demo example sample default system internal ' +
		'private public root null undefined true false'
	).split(' '),
);
const ALLOWED_IMAGE_REGISTRIES = [
	'docker.io/library/',
	'library/',
	'nginxinc/',
	'docker.io/nginxinc/',
	'ghcr.io/veriteknik/',
	'ghcr.io/pluggedin/',
];
const CPU_PATTERN = /^(\d+(\.\d+)?)(m)?$/;
const MEMORY_PATTERN = /^(\d+)(Ki|Mi|Gi|Ti)?$/;
const RESOURCE_FORMATS = {
	cpu_request: [CPU_PATTERN, 'Invalid CPU format (e.g., "100m", "0.5", "1")'],
	memory_request: [MEMORY_PATTERN, 'Invalid memory format (e.g., "256Mi", "1Gi")'],
	cpu_limit: [CPU_PATTERN, 'Invalid CPU format (e.g., "1000m", "0.5", "2")'],
	memory_limit: [MEMORY_PATTERN, 'Invalid memory format (e.g., "1Gi", "512Mi")'],
};
const MAX_MEMORY_GI = 16;
const MAX_CPU_CORES = 8;
const SENSITIVE_KEY_PATTERNS = [
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

function validateAgentName(rawName) {
	if (!rawName || typeof rawName !== 'string') return { ok: false, message: 'Name is required' };
	const name = rawName.toLowerCase().trim();
	if (name.length < 2 || name.length > 63) return { ok: false, message: 'Name must be between 2 and 63 characters' };
	if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name)) {
		return {
			ok: false,
			message:
				'Name must be DNS-safe: lowercase letters, numbers, and hyphens only. Must start and end with a letter or number.',
		};
	}
	if (name.includes('--')) return { ok: false, message: 'Name cannot contain consecutive hyphens' };
	if (RESERVED_NAMES.has(name)) return { ok: false, message: `Name '${name}' is reserved and cannot be used` };
	return { ok: true, normalizedName: name };
}

/** zod's `flatten()` of the resources schema, then the maximums and request ≤ limit. */
function resourcesProblem(resources) {
	if (resources === undefined) return undefined;
	const kind = resources === null ? 'null' : Array.isArray(resources) ? 'array' : typeof resources;
	if (kind !== 'object') {
		return error(400, 'Invalid resource specification', {
			details: { formErrors: [`Expected object, received ${kind}`], fieldErrors: {} },
		});
	}
	const fieldErrors = {};
	for (const [field, [pattern, message]] of Object.entries(RESOURCE_FORMATS)) {
		const value = resources[field];
		if (value === undefined) continue;
		if (typeof value !== 'string') fieldErrors[field] = [`Expected string, received ${typeof value}`];
		else if (!pattern.test(value)) fieldErrors[field] = [message];
	}
	if (Object.keys(fieldErrors).length) {
		return error(400, 'Invalid resource specification', { details: { formErrors: [], fieldErrors } });
	}
	const limitError = resourceLimitError(resources);
	return limitError ? error(400, limitError) : undefined;
}

function resourceLimitError(resources) {
	for (const field of ['memory_request', 'memory_limit']) {
		if (resources[field] && memoryBytes(resources[field]) > MAX_MEMORY_GI * 1024 ** 3) {
			return `${field} exceeds maximum of ${MAX_MEMORY_GI}Gi`;
		}
	}
	for (const field of ['cpu_request', 'cpu_limit']) {
		if (resources[field] && millicores(resources[field]) > MAX_CPU_CORES * 1000) {
			return `${field} exceeds maximum of ${MAX_CPU_CORES} cores`;
		}
	}
	const { memory_request, memory_limit, cpu_request, cpu_limit } = resources;
	if (memory_request && memory_limit && memoryBytes(memory_request) > memoryBytes(memory_limit)) {
		return 'memory_request cannot exceed memory_limit';
	}
	if (cpu_request && cpu_limit && millicores(cpu_request) > millicores(cpu_limit)) {
		return 'cpu_request cannot exceed cpu_limit';
	}
	return undefined;
}

function memoryBytes(value) {
	const [, number, unit = ''] = /^(\d+)(Ki|Mi|Gi|Ti)?$/.exec(value);
	return Number(number) * 1024 ** ['', 'Ki', 'Mi', 'Gi', 'Ti'].indexOf(unit);
}

function millicores(value) {
	const [, number, , milli] = CPU_PATTERN.exec(value);
	return milli ? Number(number) : Number(number) * 1000;
}

function envProblem(env) {
	if (env === undefined || env === null) return undefined;
	if (typeof env !== 'object') return error(400, 'env_overrides must be an object');
	if (JSON.stringify(env).length > 65536) return error(400, 'env_overrides exceeds maximum size of 64KB');
	for (const [key, value] of Object.entries(env)) {
		const keyError = envKeyError(key);
		if (keyError) return error(400, keyError);
		if (value === null || value === undefined) continue;
		const text = String(value);
		if (/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/.test(text)) {
			return error(400, `Invalid characters in env_overrides value for key '${key}'`);
		}
		if (text.length > 8192) return error(400, `env_overrides value for key '${key}' exceeds maximum size of 8KB`);
	}
	return undefined;
}

function envKeyError(key) {
	if (!key || key.trim() === '') return 'Environment variable key cannot be empty';
	if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
		return `Invalid environment variable key '${key}'. Must start with a letter or underscore and contain only letters, numbers, and underscores.`;
	}
	if (['PORT', 'NODE_ENV', 'HOME', 'PATH', 'USER'].includes(key)) {
		return `Environment variable '${key}' is protected and cannot be overwritten`;
	}
	const prefix = ['PAP_', 'PLUGGEDIN_', 'AGENT_'].find((candidate) => key.startsWith(candidate));
	return prefix ? `Environment variables starting with '${prefix}' are protected and cannot be overwritten` : undefined;
}

/** Access level, name, image or template, image registry, config values: in the server's order. */
function createFieldsProblem(body, template) {
	const { access_level, name, image, template_uuid, config_values } = body;
	if (access_level !== undefined && !['PRIVATE', 'PUBLIC'].includes(access_level)) {
		return error(400, 'Invalid access_level. Must be one of: PRIVATE, PUBLIC');
	}
	const named = validateAgentName(name);
	if (!named.ok) return error(400, named.message);
	const resolvedImage = image || template?.docker_image;
	if (!resolvedImage && !template_uuid) return error(400, 'Either template_uuid or image must be provided');
	const imageError = resolvedImage ? containerImageError(resolvedImage) : undefined;
	if (imageError) return error(400, imageError);
	return configValuesProblem(config_values, template);
}

function containerImageError(image) {
	if (!image || typeof image !== 'string' || image.trim() === '') return 'Image must be a non-empty string';
	const normalized = image.trim().toLowerCase();
	if (normalized.includes('..') || normalized.includes('//')) return 'Invalid image reference format';
	const allowed = ALLOWED_IMAGE_REGISTRIES.some((registry) => normalized.startsWith(registry));
	const official = !normalized.includes('/');
	if (!allowed && !official) {
		return `Image must be from an allowed registry. Allowed: ${ALLOWED_IMAGE_REGISTRIES.slice(0, 3).join(', ')}...`;
	}
	if (official && !/^[a-z0-9]+([._-][a-z0-9]+)*(:[a-z0-9._-]+)?(@sha256:[a-f0-9]+)?$/.test(normalized)) {
		return 'Invalid image name format';
	}
	return undefined;
}

/** [UNC] config_values against the template's `configurable` schema (key → type); custom agents keep theirs. */
function configValuesProblem(values, template) {
	if (values === undefined || values === null) return undefined;
	if (typeof values !== 'object' || Array.isArray(values)) return error(400, 'config_values must be an object');
	if (!template) return undefined;
	for (const [key, value] of Object.entries(values)) {
		const type = template.configurable[key];
		if (!type) return error(400, `Unknown config key '${key}' for template ${template.namespace}/${template.name}`);
		if (typeof value !== type) return error(400, `Config value '${key}' must be a ${type}`);
	}
	return undefined;
}

/** What export does to metadata: sensitive-looking keys become "[REDACTED]". */
function redactSensitiveMetadata(metadata) {
	if (!metadata) return {};
	const redacted = {};
	for (const [key, value] of Object.entries(metadata)) {
		const lower = key.toLowerCase();
		if (SENSITIVE_KEY_PATTERNS.some((pattern) => lower.includes(pattern))) redacted[key] = '[REDACTED]';
		else if (value && typeof value === 'object' && !Array.isArray(value))
			redacted[key] = redactSensitiveMetadata(value);
		else if (Array.isArray(value)) {
			redacted[key] = value.map((item) =>
				item && typeof item === 'object' && !Array.isArray(item) ? redactSensitiveMetadata(item) : item,
			);
		} else redacted[key] = value;
	}
	return redacted;
}

module.exports = {
	RESERVED_NAMES,
	validateAgentName,
	resourcesProblem,
	envProblem,
	createFieldsProblem,
	redactSensitiveMetadata,
};
