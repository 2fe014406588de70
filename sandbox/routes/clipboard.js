'use strict';
/**
 * Contract §4 and §8 (clipboard): list, get by name/idx, set (named upsert, 409 on a taken idx),
 * push (auto index), pop (LIFO), delete (name/idx/clearAll). Validation mirrors the server's zod
 * schemas, so 400 bodies carry zod's raw issues as `details`.
 */
const { z } = require('zod');
const { error, json } = require('../http');

const MAX_LIMIT = 1000;
const MAX_VALUE_BYTES = 2_097_152;
const DEFAULT_TTL_MS = 24 * 60 * 60 * 1000;
const LIST_IMAGE_CHARS = 1000;
const MINUTE = 60_000;

const LIMITS = {
	read: { layer: 2, max: 100, windowMs: MINUTE, message: 'Too many clipboard read requests. Please slow down.' },
	write: { layer: 2, max: 60, windowMs: MINUTE, message: 'Too many clipboard write requests. Please slow down.' },
	delete: { layer: 2, max: 30, windowMs: MINUTE, message: 'Too many clipboard delete requests. Please slow down.' },
};

const querySchema = z.object({
	name: z.string().optional(),
	idx: z.coerce.number().int().optional(),
	contentType: z.string().optional(),
	limit: z.coerce.number().int().min(1).max(MAX_LIMIT).optional().default(50),
	offset: z.coerce.number().int().min(0).optional().default(0),
});

const entryFields = {
	value: z.string(),
	contentType: z.string().max(256).optional().default('text/plain'),
	encoding: z.enum(['utf-8', 'base64', 'hex']).optional().default('utf-8'),
	visibility: z.enum(['private', 'workspace', 'public']).optional().default('private'),
	createdByTool: z.string().max(255).optional(),
	createdByModel: z.string().max(255).optional(),
	source: z.enum(['ui', 'sdk', 'mcp']).optional().default('ui'),
	ttlSeconds: z.number().int().positive().optional(),
};

const setSchema = z
	.object({ name: z.string().max(255).optional(), idx: z.number().int().optional(), ...entryFields })
	.refine((data) => data.name !== undefined || data.idx !== undefined, {
		message: 'Either name or idx must be provided',
	});

const pushSchema = z.object(entryFields);

const deleteSchema = z
	.object({
		name: z.string().optional(),
		idx: z.number().int().optional(),
		clearAll: z.boolean().optional().default(false),
	})
	.refine((data) => data.clearAll || data.name !== undefined || data.idx !== undefined, {
		message: 'Either name, idx, or clearAll must be provided',
	});

class ClipboardArea {
	/** @type {Map<string, object[]>} rows per profile, in insertion order */
	rows = new Map();
	/**
	 * @param {import('../server').SandboxContext} ctx
	 * @param {import('../http').Router} router
	 */
	constructor(ctx, router) {
		this.ctx = ctx;
		this.router = router;
		const route = (limit) => ({ auth: 'apiKey', limit, failure: 'Internal server error' });
		router.get('/api/clipboard', route(LIMITS.read), (req) => this.get(req));
		router.post('/api/clipboard', route(LIMITS.write), (req) => this.set(req));
		router.delete('/api/clipboard', route(LIMITS.delete), (req) => this.remove(req));
		router.post('/api/clipboard/push', route(LIMITS.write), (req) => this.push(req));
		router.post('/api/clipboard/pop', route(LIMITS.delete), (req) => this.pop(req));
	}

	/** Demo data for the default key's profile: three named entries and a two-entry stack. */
	seed() {
		const profile = this.ctx.owners.get(this.ctx.sandbox.apiKey).profile;
		const add = (fields) =>
			this.insert(profile, { source: 'sdk', visibility: 'private', encoding: 'utf-8', ...fields });
		add({ name: 'user_preferences', value: '{"theme":"dark","lang":"en"}', contentType: 'application/json' });
		add({ name: 'session_notes', value: 'Customer asked for the Q3 report.', contentType: 'text/plain' });
		add({ name: 'logo_png', value: ONE_PIXEL_PNG, contentType: 'image/png', encoding: 'base64', source: 'ui' });
		add({ idx: 0, value: 'Step 1 result', contentType: 'text/plain' });
		add({ idx: 1, value: 'Step 2 result', contentType: 'text/plain' });
	}

	/** Every row of a profile (tests inspect the store directly). */
	entriesOf(profile) {
		return this.rows.get(profile) ?? [];
	}

	get(req) {
		const parsed = querySchema.safeParse({
			name: req.query.get('name') || undefined,
			idx: req.query.get('idx') || undefined,
			contentType: req.query.get('contentType') || undefined,
			limit: req.query.get('limit') || '50',
			offset: req.query.get('offset') || '0',
		});
		if (!parsed.success) return error(400, 'Invalid parameters', { details: parsed.error.errors });
		const { name, idx, contentType, limit, offset } = parsed.data;
		// Newest first; rows of the same instant newest-inserted first (reverse, then a stable sort).
		const matching = [...this.entriesOf(req.profile)]
			.reverse()
			.filter(
				(row) =>
					(name === undefined || row.name === name) &&
					(idx === undefined || row.idx === idx) &&
					(contentType === undefined || row.contentType === contentType),
			)
			.sort((a, b) => b.createdAt - a.createdAt);
		const page = matching.slice(offset, offset + limit);
		if (name !== undefined || idx !== undefined) {
			if (page.length === 0) return error(404, 'Clipboard entry not found');
			return json(200, { entry: isoEntry(page[0]) });
		}
		return json(200, { entries: page.map((row) => isoEntry(row, true)), total: matching.length, limit, offset });
	}

	set(req) {
		const parsed = setSchema.safeParse(readBody(req));
		if (!parsed.success) return error(400, 'Invalid request body', { details: parsed.error.errors });
		const body = parsed.data;
		const invalid = valueError(body.value, body.encoding);
		if (invalid) return error(400, invalid);
		const rows = this.entriesOf(req.profile);
		const now = this.ctx.clock.now();
		const fields = { ...entryValues(body), expiresAt: expiresAt(now, body.ttlSeconds) };
		if (body.name !== undefined) {
			const existing = rows.find((row) => row.name === body.name);
			if (existing) {
				// Upsert: the row keeps its idx and createdAt.
				Object.assign(existing, fields, {
					sizeBytes: Buffer.byteLength(fields.value, 'utf8'),
					updatedAt: databaseMicros(now),
				});
				return json(200, { success: true, entry: isoEntry(existing) });
			}
			// Inserting a new name on a taken idx violates the other unique index: the server answers 500.
			if (body.idx !== undefined && rows.some((row) => row.idx === body.idx)) throw new Error('unique violation');
		} else if (rows.some((row) => row.idx === body.idx)) {
			return error(409, 'Conflict with existing entry. Use push for auto-increment or delete first.');
		}
		const row = this.insert(req.profile, { ...fields, name: body.name ?? null, idx: body.idx ?? null }, now);
		// A running 3.3.0 gives a new entry an updatedAt about 1 ms before its createdAt (the app sets one,
		// the database the other); push gives equal values.
		row.updatedAt = row.createdAt - 1000;
		return json(200, { success: true, entry: isoEntry(row) });
	}

	push(req) {
		const parsed = pushSchema.safeParse(readBody(req));
		if (!parsed.success) return error(400, 'Invalid request body', { details: parsed.error.errors });
		const body = parsed.data;
		const invalid = valueError(body.value, body.encoding);
		if (invalid) return error(400, invalid);
		// Expired rows count too: the server's MAX(idx) sees every row until the cleanup cron runs.
		const indexes = this.entriesOf(req.profile)
			.map((row) => row.idx)
			.filter((idx) => idx !== null);
		const idx = indexes.length ? Math.max(...indexes) + 1 : 0;
		const now = this.ctx.clock.now();
		const row = this.insert(
			req.profile,
			{ ...entryValues(body), name: null, idx, expiresAt: expiresAt(now, body.ttlSeconds) },
			now,
		);
		return json(200, { success: true, entry: databaseTextEntry(row, true) });
	}

	pop(req) {
		const rows = this.entriesOf(req.profile);
		const indexed = rows.filter((row) => row.idx !== null);
		if (indexed.length === 0) return error(404, 'No indexed entries to pop');
		const top = indexed.reduce((highest, row) => (row.idx > highest.idx ? row : highest));
		rows.splice(rows.indexOf(top), 1);
		return json(200, { success: true, entry: databaseTextEntry(top, false) });
	}

	remove(req) {
		const parsed = deleteSchema.safeParse(readBody(req));
		if (!parsed.success) return error(400, 'Invalid request body', { details: parsed.error.errors });
		const { name, idx, clearAll } = parsed.data;
		const rows = this.entriesOf(req.profile);
		const matches = (row) =>
			clearAll || ((name === undefined || row.name === name) && (idx === undefined || row.idx === idx));
		const kept = rows.filter((row) => !matches(row));
		const deleted = rows.length - kept.length;
		if (!clearAll && deleted === 0) return error(404, 'Clipboard entry not found');
		this.rows.set(req.profile, kept);
		return json(200, { success: true, deleted });
	}

	/** Adds a row as the database would (uuid, size, timestamps); `now` is the request's time. */
	insert(profile, fields, now = this.ctx.clock.now()) {
		const createdAt = databaseMicros(now);
		const row = {
			uuid: this.ctx.newId(),
			name: null,
			idx: null,
			createdByTool: null,
			createdByModel: null,
			expiresAt: expiresAt(now, undefined),
			...fields,
			sizeBytes: Buffer.byteLength(fields.value, 'utf8'),
			createdAt,
			updatedAt: createdAt,
		};
		this.rows.set(profile, [...this.entriesOf(profile), row]);
		return row;
	}
}

/** A database now() has microseconds: a fixed sub-millisecond part makes them visible in the text form. */
function databaseMicros(now) {
	return now * 1000 + 145;
}

/** expires_at comes from a JavaScript Date on the server: millisecond precision, kept here in microseconds. */
function expiresAt(now, ttlSeconds) {
	return (now + (ttlSeconds ? ttlSeconds * 1000 : DEFAULT_TTL_MS)) * 1000;
}

/** request.json() on the server throws on an empty or malformed body → the route's 500. */
function readBody(req) {
	const body = req.json();
	if (body === undefined) throw new Error('empty body');
	return body;
}

function entryValues(body) {
	return {
		value: body.value,
		contentType: body.contentType,
		encoding: body.encoding,
		visibility: body.visibility,
		createdByTool: body.createdByTool ?? null,
		createdByModel: body.createdByModel ?? null,
		source: body.source,
	};
}

/** The server's size check, then its encoding check (lib/clipboard). */
function valueError(value, encoding) {
	if (Buffer.byteLength(value, 'utf8') > MAX_VALUE_BYTES) {
		return `Value exceeds maximum size of ${MAX_VALUE_BYTES} bytes (${Math.round(MAX_VALUE_BYTES / 1024)}KB)`;
	}
	if (encoding === 'base64') {
		if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value)) return 'Invalid base64 encoding: contains invalid characters';
		if (value.length > 0 && value.length % 4 !== 0) return 'Invalid base64 encoding: incorrect padding';
		const reencoded = Buffer.from(value, 'base64').toString('base64');
		if (value.replace(/=+$/, '') !== reencoded.replace(/=+$/, '')) {
			return 'Invalid base64 encoding: non-canonical or corrupted data';
		}
	}
	if (encoding === 'hex') {
		if (!/^[0-9A-Fa-f]*$/.test(value)) return 'Invalid hex encoding: contains non-hexadecimal characters';
		if (value.length % 2 !== 0) return 'Invalid hex encoding: odd number of characters';
	}
	return undefined;
}

/** toClipboardEntry: ISO timestamps; in lists, image values cut to 1000 characters. */
function isoEntry(row, thumbnail = false) {
	const iso = (micros) => new Date(Math.floor(micros / 1000)).toISOString();
	return {
		uuid: row.uuid,
		name: row.name,
		idx: row.idx,
		value: thumbnail && row.contentType.startsWith('image/') ? row.value.substring(0, LIST_IMAGE_CHARS) : row.value,
		contentType: row.contentType,
		encoding: row.encoding,
		sizeBytes: row.sizeBytes,
		visibility: row.visibility,
		createdByTool: row.createdByTool,
		createdByModel: row.createdByModel,
		source: row.source,
		createdAt: iso(row.createdAt),
		updatedAt: iso(row.updatedAt),
		expiresAt: iso(row.expiresAt),
	};
}

/** Push and pop build the entry by hand from a raw row: timestamps as database text; pop leaves out source. */
function databaseTextEntry(row, withSource) {
	return {
		uuid: row.uuid,
		name: row.name,
		idx: row.idx,
		value: row.value,
		contentType: row.contentType,
		encoding: row.encoding,
		sizeBytes: row.sizeBytes,
		visibility: row.visibility,
		createdByTool: row.createdByTool,
		createdByModel: row.createdByModel,
		...(withSource ? { source: row.source } : {}),
		createdAt: databaseText(row.createdAt),
		updatedAt: databaseText(row.updatedAt),
		expiresAt: databaseText(row.expiresAt),
	};
}

/** Microseconds → "2026-11-30 05:50:45.145756+00" (trailing zeros of the fraction dropped, as Postgres does). */
function databaseText(micros) {
	const iso = new Date(Math.floor(micros / 1000)).toISOString();
	const fraction = String(micros % 1_000_000)
		.padStart(6, '0')
		.replace(/0+$/, '');
	return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction ? `.${fraction}` : ''}+00`;
}

const ONE_PIXEL_PNG =
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

module.exports = { ClipboardArea, MAX_VALUE_BYTES };
