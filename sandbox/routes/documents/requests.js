'use strict';
// Request bodies and headers, and the server's value formats (timestamps).
const { error } = require('../../http');
const { MAX_REQUEST_BYTES } = require('./validators');

/** A 413 before the body is read, as the create route checks Content-Length first. */
function tooLarge(req) {
	const length = parseInt(headerValue(req, 'content-length') ?? '', 10);
	return length > MAX_REQUEST_BYTES ? error(413, 'Request body too large. Maximum size is 10MB') : undefined;
}

/** request.json(): an empty or malformed body throws (the route's 500). */
function readJson(req) {
	if (req.rawBody.length === 0) throw new Error('Unexpected end of JSON input');
	return req.json();
}

/** The `[{path, message}]` form of zod details (documents/ai and documents/search). */
function flatIssues(zodError) {
	return zodError.errors.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

function iso(ms) {
	return new Date(ms).toISOString();
}

/** timestamptz inside jsonb: "2026-11-30T05:50:45.145756+00:00" (trailing zeros of the fraction dropped). */
function pgJsonTimestamp(micros) {
	const ms = Math.floor(micros / 1000);
	const seconds = new Date(ms).toISOString().slice(0, 19);
	const fraction = String((ms % 1000) * 1000 + (micros % 1000))
		.padStart(6, '0')
		.replace(/0+$/, '');
	return `${seconds}${fraction ? `.${fraction}` : ''}+00:00`;
}

function distinct(entries) {
	const seen = new Set();
	return entries.filter((entry) => {
		const key = JSON.stringify(entry);
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

function withoutUndefined(object) {
	return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}

function toMs(value) {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'number') return value;
	return new Date(value).getTime();
}

function headerValue(req, name) {
	const value = req.headers[name];
	return Array.isArray(value) ? value[0] : value;
}

function bearer(req) {
	const header = headerValue(req, 'authorization');
	return typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
}

module.exports = {
	tooLarge,
	readJson,
	flatIssues,
	iso,
	pgJsonTimestamp,
	distinct,
	withoutUndefined,
	toMs,
	headerValue,
	bearer,
};
