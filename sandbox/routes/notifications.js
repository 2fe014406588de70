'use strict';
/**
 * Contract §5b: the notification inbox of a profile. List (newest first, `limit` the only paging),
 * create a CUSTOM one (no id in the answer), mark read, toggle completed, delete (200 for any uuid).
 * The server writes its own too: `documentCreated` is called by the documents area on an AI create.
 */
const { z } = require('zod');
const { error, json, UUID } = require('../http');

const CUSTOM_TTL_MS = 30 * 24 * 60 * 60 * 1000;
const SEVERITIES = ['INFO', 'SUCCESS', 'WARNING', 'ALERT'];
/**
 * 30 per minute on the per-key counter shared with documents and clipboard (§5b, §8). The 429 text is
 * not in the contract: the limiter's default message.
 */
const CREATE_LIMIT = { layer: 2, max: 30, windowMs: 60_000, message: 'Too many requests, please try again later' };
/** The read and completed routes check ids with the `uuid` package: version 1-8 and the RFC variant. */
const STRICT_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const BAD_ID = 'Invalid notification ID format. Please use the UUID from the notification list.';
const NOT_FOUND = 'Notification not found or not accessible';

const listSchema = z.object({
	onlyUnread: z
		.string()
		.optional()
		.transform((value) => value === 'true'),
	limit: z
		.string()
		.optional()
		.transform((value) => (value ? parseInt(value, 10) : undefined))
		.refine((value) => value === undefined || (value > 0 && value <= 100), {
			message: 'Limit must be between 1 and 100',
		}),
});

const customSchema = z.object({
	title: z.string().optional(),
	message: z.string().min(1, 'Message cannot be empty'),
	severity: z.enum(SEVERITIES).default('INFO'),
	sendEmail: z.boolean().optional().default(false),
});

class NotificationsArea {
	/** @type {Map<string, object[]>} rows per profile, in insertion order */
	rows = new Map();

	/**
	 * @param {import('../server').SandboxContext} ctx
	 * @param {import('../http').Router} router
	 */
	constructor(ctx, router) {
		this.ctx = ctx;
		const route = (extra = {}) => ({ auth: 'apiKey', ...extra });
		router.get('/api/notifications', route({ failure: 'Failed to fetch notifications' }), (req) => this.list(req));
		router.post(
			'/api/notifications/custom',
			route({ limit: CREATE_LIMIT, failure: 'Failed to create custom notification' }),
			(req) => this.create(req),
		);
		router.patch('/api/notifications/:id/read', route({ failure: 'Failed to mark notification as read' }), (req) =>
			this.markRead(req),
		);
		router.patch(
			'/api/notifications/:id/completed',
			route({ failure: 'Failed to toggle notification completed status' }),
			(req) => this.toggleCompleted(req),
		);
		router.delete('/api/notifications/:id', route({ failure: 'Failed to delete notification' }), (req) =>
			this.remove(req),
		);
	}

	/** Demo data for the default key's profile: the notification of its newest AI document, and a custom one. */
	seed() {
		const profile = this.ctx.owners.get(this.ctx.sandbox.apiKey).profile;
		const document = this.ctx.sandbox.documents
			.all(profile)
			.filter((doc) => doc.source === 'ai_generated')
			.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))[0];
		if (document) this.documentCreated(profile, document);
		this.insert(profile, {
			type: 'CUSTOM',
			title: 'Nightly import finished',
			message: '42 records imported, 0 rejected.',
			severity: 'SUCCESS',
		});
	}

	/** Every row of a profile, oldest first (tests inspect the store directly). */
	notificationsOf(profile) {
		return this.rows.get(profile) ?? [];
	}

	/** What the server writes when an AI document is created (APP app/api/documents/ai/route.ts). */
	documentCreated(profile, document) {
		return this.insert(profile, {
			type: 'document_created_ai',
			title: 'AI Document Created',
			message: `${document.aiMetadata?.model?.name ?? 'An AI model'} created "${document.title}"`,
			severity: 'INFO',
			link: `/library/${document.id}`,
			createdAt: Date.parse(document.createdAt),
		});
	}

	/**
	 * Adds a notification as the database would.
	 * @param {string} profile
	 * @param {object} fields  type, title, message, severity, link, metadata, read, completed, createdAt (ms), expiresAt (ms)
	 */
	insert(profile, fields) {
		const createdAt = fields.createdAt ?? this.ctx.clock.now();
		const row = {
			id: fields.id ?? this.ctx.newId(),
			profile_uuid: profile,
			type: fields.type ?? 'CUSTOM',
			title: fields.title ?? 'Custom notification',
			message: fields.message ?? '',
			read: fields.read ?? false,
			link: fields.link ?? null,
			severity: fields.severity ?? 'INFO',
			completed: fields.completed ?? false,
			metadata: fields.metadata ?? {},
			createdAt,
			expiresAt: fields.expiresAt ?? null,
		};
		this.rows.set(profile, [...this.notificationsOf(profile), row]);
		return row;
	}

	list(req) {
		const parsed = listSchema.safeParse({
			onlyUnread: req.query.get('onlyUnread') || undefined,
			limit: req.query.get('limit') || undefined,
		});
		if (!parsed.success) return error(400, 'Invalid query parameters', { details: parsed.error.errors });
		const { onlyUnread, limit } = parsed.data;
		// created_at desc; expired rows are listed until a cleanup removes them.
		const rows = [...this.notificationsOf(req.profile)]
			.reverse()
			.filter((row) => !onlyUnread || !row.read)
			.sort((a, b) => b.createdAt - a.createdAt);
		return json(200, { success: true, notifications: rows.slice(0, limit ?? rows.length).map(shape) });
	}

	create(req) {
		const body = req.json();
		if (body === undefined) throw new Error('empty body');
		const parsed = customSchema.safeParse(body);
		if (!parsed.success) return error(400, 'Invalid request data', { details: parsed.error.errors });
		const { title, message, severity, sendEmail } = parsed.data;
		const now = this.ctx.clock.now();
		this.insert(req.profile, {
			type: 'CUSTOM',
			title: title || 'Custom notification',
			message,
			severity,
			createdAt: now,
			expiresAt: now + CUSTOM_TTL_MS,
			metadata: {
				// The key's id and name, never the key itself.
				source: { type: 'api', profileUuid: req.profile, apiKeyId: keyId(req.profile), apiKeyName: 'Sandbox key' },
				task: { priority: severity === 'ALERT' ? 'high' : severity === 'WARNING' ? 'medium' : 'low' },
			},
		});
		// The sandbox has no mail set-up: the email fails, as on a server without one.
		if (sendEmail)
			return json(200, { success: true, message: 'Notification created (email failed)', emailSent: false });
		return json(200, { success: true, message: 'Notification created successfully' });
	}

	markRead(req) {
		if (!STRICT_UUID.test(req.params.id)) return error(400, BAD_ID);
		const row = this.find(req);
		if (!row) return error(404, NOT_FOUND);
		row.read = true;
		row.metadata = {
			...row.metadata,
			actions: { ...row.metadata.actions, markedReadAt: this.ctx.clock.iso(), markedReadProfileUuid: req.profile },
		};
		return json(200, { success: true, message: 'Notification marked as read' });
	}

	toggleCompleted(req) {
		if (!STRICT_UUID.test(req.params.id)) return error(400, BAD_ID);
		const row = this.find(req);
		if (!row) return error(404, NOT_FOUND);
		row.completed = !row.completed;
		const { completedAt, completedProfileUuid, completedVia, ...actions } = row.metadata.actions ?? {};
		row.metadata = {
			...row.metadata,
			actions: row.completed
				? { ...actions, completedAt: this.ctx.clock.iso(), completedProfileUuid: req.profile, completedVia: 'mcp' }
				: actions,
		};
		return json(200, { success: true, message: 'Notification completed status toggled' });
	}

	remove(req) {
		if (!UUID.test(req.params.id)) return error(400, BAD_ID);
		// A delete of an unknown (or already deleted) id answers the same 200.
		const rows = this.notificationsOf(req.profile);
		this.rows.set(
			req.profile,
			rows.filter((row) => row.id !== req.params.id.toLowerCase()),
		);
		return json(200, { success: true, message: 'Notification deleted successfully' });
	}

	find(req) {
		const id = req.params.id.toLowerCase();
		return this.notificationsOf(req.profile).find((row) => row.id === id);
	}
}

function shape(row) {
	return {
		id: row.id,
		profile_uuid: row.profile_uuid,
		type: row.type,
		title: row.title,
		message: row.message,
		read: row.read,
		link: row.link,
		severity: row.severity,
		completed: row.completed,
		metadata: row.metadata,
		created_at: new Date(row.createdAt).toISOString(),
		expires_at: row.expiresAt === null ? null : new Date(row.expiresAt).toISOString(),
	};
}

/** A stable id for the profile's API key record (a uuid in the real server's api_keys table). */
function keyId(profile) {
	const hex = Buffer.from(profile).toString('hex').padEnd(32, '0').slice(0, 32);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

module.exports = { NotificationsArea };
