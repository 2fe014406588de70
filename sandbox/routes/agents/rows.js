'use strict';
// How the routes read bodies and ids and shape rows, as the server's code does.
const { createHash } = require('node:crypto');
const { error, UUID } = require('../../http');

/**
 * The profile's uuid as the server shows it (profile_uuid, the quota's profile.uuid): the sandbox names
 * profiles by readable keys ('profile-sandbox'), so each key maps to a fixed uuid of its own.
 */
function profileUuid(profile) {
	if (UUID.test(profile)) return profile;
	const hex = createHash('sha1').update(`profile:${profile}`).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The columns GET /api/agents selects (no token, no config values). */
const LIST_COLUMNS = [
	'uuid',
	'name',
	'dns_name',
	'state',
	'access_level',
	'template_uuid',
	'heartbeat_mode',
	'deployment_status',
	'kubernetes_namespace',
	'kubernetes_deployment',
	'created_at',
	'provisioned_at',
	'activated_at',
	'terminated_at',
	'last_heartbeat_at',
	'metadata',
];

function listColumns(agent) {
	return clone(Object.fromEntries(LIST_COLUMNS.map((column) => [column, agent[column]])));
}

function templateSummary(template) {
	const { uuid, namespace, name, version, display_name } = template;
	return { uuid, namespace, name, version, display_name };
}

function newest(rows, limit) {
	return clone(rows.slice(-limit).reverse());
}

const clone = (value) => structuredClone(value);
const notFound = () => error(404, 'Agent not found');

/** Postgres casts the id to uuid: anything else throws, and the route answers its 500. */
function uuidCast(id) {
	if (typeof id !== 'string' || !UUID.test(id)) throw new Error(`invalid input syntax for type uuid: "${id}"`);
	return id.toLowerCase();
}

/** `await request.json()`: an empty or malformed body throws (the route's 500). */
function strictJson(req) {
	const body = req.json();
	if (body === undefined) throw new Error('Unexpected end of JSON input');
	return body;
}

/** Routes whose body is optional read it in a try/catch. */
function lenientJson(req) {
	try {
		const body = req.json();
		return body && typeof body === 'object' ? body : {};
	} catch {
		return {};
	}
}

module.exports = {
	profileUuid,
	listColumns,
	templateSummary,
	newest,
	clone,
	notFound,
	uuidCast,
	strictJson,
	lenientJson,
};
