'use strict';
const { createHash } = require('node:crypto');
const { z } = require('zod');
const { error, json, UUID } = require('../http');

/**
 * Contract §2, section 8 first: the document library. The request schemas are the server's own zod
 * schemas (zod 3 as on the server), so 400 bodies carry the same issue details.
 */

const SOURCES = ['all', 'upload', 'ai_generated', 'api'];
const FORMAT_MIME = { md: 'text/markdown', txt: 'text/plain', json: 'application/json', html: 'text/html' };
/** md and txt are RAG-indexed when created. */
const RAG_MIME = ['text/markdown', 'text/plain'];
const MAX_REQUEST_BYTES = 10 * 1024 * 1024;
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
/** Static segments beside /api/documents/[id]: other methods on them are 405, not an id lookup. */
const STATIC_SEGMENTS = ['search', 'ai'];

const modelSchema = z.object({ name: z.string(), provider: z.string(), version: z.string().optional() });
const listSchema = z.object({
	source: z.enum(SOURCES).optional().default('all'),
	modelName: z.string().optional(),
	modelProvider: z.string().optional(),
	dateFrom: z.string().datetime().optional(),
	dateTo: z.string().datetime().optional(),
	tags: z.array(z.string()).or(z.string()).optional(),
	category: z.string().optional(),
	visibility: z.enum(['all', 'private', 'workspace', 'public']).optional().default('all'),
	searchQuery: z.string().optional(),
	sort: z.enum(['date_desc', 'date_asc', 'title', 'size']).optional().default('date_desc'),
	limit: z.number().int().min(1).max(100).optional().default(20),
	offset: z.number().int().min(0).optional().default(0),
});
const getSchema = z.object({
	includeContent: z.enum(['true', 'false']).optional().default('false'),
	includeVersions: z.enum(['true', 'false']).optional().default('false'),
});
const searchSchema = z.object({
	query: z
		.string()
		.min(1)
		.max(500)
		.refine((value) => (value.match(/[.*+?^${}()|[\]\\]/g) || []).length < 10, {
			message: 'Query contains too many special characters',
		}),
	filters: z
		.object({
			modelName: z.string().optional(),
			modelProvider: z.string().optional(),
			dateFrom: z.string().datetime().optional(),
			dateTo: z.string().datetime().optional(),
			tags: z.array(z.string()).optional(),
			source: z.enum(SOURCES).optional().default('all'),
		})
		.optional(),
	limit: z.number().int().min(1).max(50).optional().default(10),
	offset: z.number().int().min(0).optional().default(0),
});
const createSchema = z.object({
	title: z.string().min(1).max(255),
	content: z.string().min(1).max(MAX_REQUEST_BYTES),
	format: z.enum(['md', 'txt', 'json', 'html']).default('md'),
	tags: z.array(z.string()).max(20).optional().default([]),
	category: z
		.enum(['report', 'analysis', 'documentation', 'guide', 'research', 'code', 'other'])
		.optional()
		.default('other'),
	metadata: z.object({
		model: modelSchema,
		context: z.string().optional(),
		visibility: z.enum(['private', 'workspace', 'public']).default('private'),
		prompt: z.string().optional(),
		conversationContext: z.array(z.string()).optional(),
		sourceDocuments: z.array(z.string()).optional(),
		generationParams: z
			.object({ temperature: z.number().optional(), maxTokens: z.number().optional(), topP: z.number().optional() })
			.optional(),
	}),
});
const updateSchema = z.object({
	operation: z.enum(['replace', 'append', 'prepend']),
	content: z
		.string()
		.min(1)
		.max(10_000_000)
		.refine((value) => !CONTROL_CHARS.test(value), { message: 'Content contains invalid control characters' }),
	metadata: z
		.object({ changeSummary: z.string().optional(), model: modelSchema, tags: z.array(z.string()).optional() })
		.optional(),
});

const read = { auth: 'apiKey' };
const notAllowed = () => ({ status: 405, text: '' });
const staticSegment = (req) => (STATIC_SEGMENTS.includes(req.params.id) ? notAllowed() : undefined);

class DocumentsArea {
	/** Every document of every profile, by lower-case id, in insertion order. */
	docs = new Map();
	sequence = 0;

	/**
	 * @param {import('../server').SandboxContext} ctx
	 * @param {import('../http').Router} router
	 */
	constructor(ctx, router) {
		this.ctx = ctx;
		this.router = router;
		router.get('/api/documents', { ...read, failure: 'Failed to list documents' }, (req) => this.list(req));
		router.post(
			'/api/documents/search',
			{ ...read, limit: { layer: 2, max: 100, windowMs: 60_000 }, failure: 'Failed to search documents' },
			(req) => this.search(req),
		);
		router.post(
			'/api/documents/ai',
			{
				...read,
				limit: { layer: 2, max: 100, windowMs: 3_600_000 },
				preAuth: (req) => tooLarge(req),
				failure: 'Failed to create document',
			},
			(req) => this.create(req),
		);
		router.get('/api/documents/:id', { ...read, preAuth: staticSegment, failure: 'Failed to fetch document' }, (req) =>
			this.get(req),
		);
		router.patch(
			'/api/documents/:id',
			{
				...read,
				csrf: true,
				limit: {
					layer: 2,
					max: 10,
					windowMs: 300_000,
					message: 'Too many document updates. Please wait before making more changes.',
				},
				preAuth: staticSegment,
				failure: 'Failed to update document',
			},
			(req) => this.update(req),
		);
		// The real server has no DELETE: 405 with an empty body unless the sandbox option turns it on.
		router.delete(
			'/api/documents/:id',
			{
				...read,
				preAuth: (req) => (this.deleteEnabled ? staticSegment(req) : notAllowed()),
				failure: 'Failed to delete document',
			},
			(req) => this.remove(req),
		);
		router.get('/api/documents/:id/versions', { ...read, failure: 'Failed to list document versions' }, (req) =>
			this.versions(req),
		);
		router.get(
			'/api/documents/:id/versions/:version',
			{ ...read, failure: 'Failed to fetch document version' },
			(req) => this.version(req),
		);
		router.post(
			'/api/documents/:id/versions/:version',
			{ ...read, failure: 'Failed to restore document version' },
			(req) => this.restore(req),
		);
		// Bearer key or session; any auth failure is a plain 401 here.
		router.get('/api/library/download/:uuid', { auth: 'none', failure: 'Internal Server Error' }, (req) =>
			this.download(req),
		);
	}

	get deleteEnabled() {
		return Boolean(this.ctx.sandbox.options.documentDeleteRoute);
	}

	// ---- routes ------------------------------------------------------------------------------

	list(req) {
		const query = req.query;
		const tags = query.getAll('tags');
		const parsed = listSchema.safeParse({
			source: query.get('source') || 'all',
			modelName: query.get('modelName') || undefined,
			modelProvider: query.get('modelProvider') || undefined,
			dateFrom: query.get('dateFrom') || undefined,
			dateTo: query.get('dateTo') || undefined,
			// As on the server: getAll() is never empty when tags is present, so "a,b" stays one tag.
			tags: tags.length > 0 ? tags : undefined,
			category: query.get('category') || undefined,
			visibility: query.get('visibility') || 'all',
			searchQuery: query.get('searchQuery') || undefined,
			sort: query.get('sort') || 'date_desc',
			limit: parseInt(query.get('limit') || '20', 10),
			offset: parseInt(query.get('offset') || '0', 10),
		});
		if (!parsed.success) return error(400, 'Invalid query parameters', { details: parsed.error.errors });
		const params = parsed.data;
		const like = params.searchQuery ? likeMatcher(params.searchQuery) : undefined;
		const matching = this.visible(req.profile).filter(
			(doc) =>
				matchesFilters(doc, { ...params, tags: Array.isArray(params.tags) ? params.tags : undefined }) &&
				(params.visibility === 'all' || doc.visibility === params.visibility) &&
				(!like || like(doc.title) || like(doc.description ?? '')),
		);
		const page = sortDocuments(matching, params.sort).slice(params.offset, params.offset + params.limit);
		return json(200, {
			documents: page.map((doc) => listShape(doc)),
			total: matching.length,
			limit: params.limit,
			offset: params.offset,
		});
	}

	get(req) {
		const parsed = getSchema.safeParse({
			includeContent: req.query.get('includeContent') || 'false',
			includeVersions: req.query.get('includeVersions') || 'false',
		});
		if (!parsed.success) return error(400, 'Invalid query parameters', { details: parsed.error.errors });
		const doc = this.find(req.params.id);
		if (!doc || !this.isVisible(doc, req.profile)) return error(404, 'Document not found');
		const body = getShape(doc);
		if (parsed.data.includeContent === 'true') {
			const text = isTextMime(doc.mimeType);
			body.content = text ? doc.content.toString('utf8') : doc.content.toString('base64');
			body.contentEncoding = text ? 'utf-8' : 'base64';
		}
		if (parsed.data.includeVersions === 'true') {
			body.versions = doc.versions.map(({ versionNumber, createdAt, createdByModel, changeSummary, contentDiff }) => ({
				versionNumber,
				createdAt: iso(createdAt),
				createdByModel,
				changeSummary,
				contentDiff,
			}));
		}
		return json(200, body);
	}

	search(req) {
		const parsed = searchSchema.safeParse(readJson(req));
		if (!parsed.success) return error(400, 'Invalid request data', { details: flatIssues(parsed.error) });
		const { query, filters, limit, offset } = parsed.data;
		const like = likeMatcher(`%${query}%`, false);
		const lexemes = plainToTsQuery(query);
		const scored = [];
		for (const doc of this.visible(req.profile)) {
			if (filters && !matchesFilters(doc, filters)) continue;
			const words = toTsVector(`${doc.title} ${doc.description ?? ''}`);
			const fullText = lexemes.length > 0 && lexemes.every((lexeme) => words.includes(lexeme));
			const titleHit = like(doc.title);
			if (!fullText && !titleHit && !like(doc.description ?? '')) continue;
			scored.push({ doc, score: tsRank(words, lexemes) + (titleHit ? 0.5 : 0) });
		}
		scored.sort((a, b) => b.score - a.score || b.doc.createdAt - a.doc.createdAt || b.doc.seq - a.doc.seq);
		const results = scored.slice(offset, offset + limit).map(({ doc, score }) => searchShape(doc, score, query));
		// COUNT(*) over the attribution join, returned by node-pg as a string: over-counts.
		const total = String(scored.reduce((sum, { doc }) => sum + Math.max(1, doc.attributions.length), 0));
		return json(200, { results, total, limit, offset, hasMore: offset + results.length < Number(total) });
	}

	create(req) {
		const parsed = createSchema.safeParse(readJson(req));
		if (!parsed.success) return error(400, 'Invalid request data', { details: flatIssues(parsed.error) });
		const data = parsed.data;
		const { metadata } = data;
		const content = data.format === 'md' || data.format === 'html' ? sanitize(data.content) : data.content;
		const now = this.ctx.clock.now();
		const sessionId = headerValue(req, 'x-session-id');
		const doc = this.store({
			profile: req.profile,
			userId: req.userId,
			title: data.title,
			description: `AI-generated ${data.category || 'document'} by ${metadata.model.name}`,
			fileName: aiFileName(now, metadata.model.name, data.title, data.format),
			mimeType: FORMAT_MIME[data.format],
			content: Buffer.from(content, 'utf8'),
			tags: data.tags,
			source: 'ai_generated',
			visibility: metadata.visibility,
			aiMetadata: withoutUndefined({
				model: metadata.model,
				context: metadata.context ?? metadata.prompt,
				timestamp: new Date(now).toISOString(),
				sessionId: sessionId || undefined,
			}),
			createdAt: now,
			ragText: ['md', 'txt'].includes(data.format) ? content : undefined,
		});
		this.attribute(doc, metadata.model, 'created', {
			version: metadata.model.version,
			category: data.category,
			tags: data.tags,
			prompt: metadata.prompt,
			conversationContext: metadata.conversationContext,
			sourceDocuments: metadata.sourceDocuments,
			generationParams: metadata.generationParams,
		});
		// The server writes a notification in the same transaction (contract §5b).
		this.ctx.sandbox.notifications.documentCreated(req.profile, getShape(doc));
		return json(201, {
			success: true,
			documentId: doc.id,
			message: 'Document successfully created',
			url: `/library/${doc.id}`,
		});
	}

	update(req) {
		const parsed = updateSchema.safeParse(readJson(req));
		if (!parsed.success) return error(400, 'Invalid request data', { details: parsed.error.errors });
		const { operation, content, metadata } = parsed.data;
		const doc = this.find(req.params.id);
		if (!doc || doc.profile !== req.profile || doc.source !== 'ai_generated') {
			return error(404, 'Document not found or access denied');
		}
		const previous = doc.content.toString('utf8');
		const joined =
			operation === 'replace'
				? content
				: operation === 'append'
					? `${previous}\n\n${content}`
					: `${content}\n\n${previous}`;
		const model = metadata?.model ?? { name: 'Unknown', provider: 'Unknown' };
		this.newVersion(doc, sanitize(joined), {
			createdByModel: model,
			changeSummary: metadata?.changeSummary || `${operation} operation by ${model.name}`,
			operation,
			previous,
		});
		if (metadata) {
			doc.aiMetadata = {
				...doc.aiMetadata,
				model: metadata.model,
				timestamp: new Date(this.ctx.clock.now()).toISOString(),
				changeSummary: metadata.changeSummary,
			};
			if (metadata.tags) doc.tags = metadata.tags;
			this.attribute(doc, metadata.model, 'updated', {
				version: metadata.model.version,
				changes_summary: metadata.changeSummary,
				operation,
			});
		}
		return json(200, {
			success: true,
			documentId: doc.id,
			version: doc.version,
			fileWritten: true,
			message: 'Document updated successfully',
		});
	}

	remove(req) {
		const doc = this.find(req.params.id);
		if (!doc || doc.profile !== req.profile) return error(404, 'Document not found');
		this.docs.delete(doc.id);
		return json(200, { success: true, documentId: doc.id, message: 'Document deleted successfully' });
	}

	versions(req) {
		const doc = this.owned(req);
		if (!doc) return error(404, 'Document not found or access denied');
		return json(200, {
			success: true,
			versions: doc.versions.map(({ versionNumber, createdAt, createdByModel, changeSummary, isCurrent }) => ({
				versionNumber,
				createdAt: iso(createdAt),
				createdByModel,
				changeSummary,
				isCurrent,
			})),
		});
	}

	version(req) {
		const versionNumber = parseInt(req.params.version, 10);
		if (Number.isNaN(versionNumber)) return error(400, 'Invalid version number');
		const doc = this.owned(req);
		if (!doc) return error(404, 'Document not found or access denied');
		const row = doc.versions.find((entry) => entry.versionNumber === versionNumber);
		if (!row) return error(404, 'Version not found');
		return json(200, { success: true, content: row.content, versionNumber });
	}

	restore(req) {
		const versionNumber = parseInt(req.params.version, 10);
		if (Number.isNaN(versionNumber)) return error(400, 'Invalid version number');
		const { restoredByModel } = readJson(req);
		const doc = this.owned(req);
		if (!doc) return error(404, 'Document not found or access denied');
		const row = doc.versions.find((entry) => entry.versionNumber === versionNumber);
		// The server's restoreVersion() returns false on any failure, a missing version included.
		if (!row) return error(500, 'Failed to restore version');
		this.newVersion(doc, row.content, {
			createdByModel: restoredByModel || { name: 'System', provider: 'internal', version: '1.0' },
			changeSummary: `Restored from version ${versionNumber}`,
			operation: 'replace',
			previous: doc.content.toString('utf8'),
		});
		return json(200, { success: true, message: `Version ${versionNumber} restored successfully` });
	}

	download(req) {
		const owner = this.ctx.owners.get(bearer(req) ?? '');
		if (!owner) return error(401, 'Unauthorized');
		const doc = this.find(req.params.uuid);
		if (!doc || doc.project !== this.projectOf(owner.profile)) return error(404, 'Not found');
		return {
			status: 200,
			bytes: doc.content,
			contentType: doc.mimeType,
			headers: {
				'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`,
				'Accept-Ranges': 'bytes',
				'Cache-Control': 'private, max-age=3600',
			},
		};
	}

	// ---- helpers for other areas and tests ------------------------------------------------------

	/**
	 * Adds a document directly (no HTTP, no sanitising): fast enough for thousands.
	 * @param {string} profile
	 * @param {object} fields  title, content (string or Buffer), format (md|txt|json|html) or mimeType, tags,
	 *   source, visibility, model {name, provider}, description, fileName, id, createdAt, updatedAt (ms, ISO or Date),
	 *   projectLevel (profile null: visible to every profile of the project)
	 * @returns {object} the document as GET /api/documents/{id} shows it
	 */
	insert(profile, fields = {}) {
		const format = fields.format ?? 'md';
		const mimeType = fields.mimeType ?? FORMAT_MIME[format] ?? 'text/plain';
		const content = Buffer.isBuffer(fields.content) ? fields.content : Buffer.from(fields.content ?? '', 'utf8');
		const source = fields.source ?? 'ai_generated';
		const model = fields.model ?? (source === 'ai_generated' ? { name: 'gpt-4o', provider: 'openai' } : undefined);
		const createdAt = toMs(fields.createdAt) ?? this.ctx.clock.now();
		const title = fields.title ?? `Document ${this.sequence + 1}`;
		const doc = this.store({
			id: fields.id,
			profile: fields.projectLevel ? null : profile,
			project: this.projectOf(profile),
			userId: this.userOf(profile),
			title,
			description: fields.description ?? (model ? `AI-generated ${fields.category ?? 'other'} by ${model.name}` : null),
			fileName: fields.fileName ?? (model ? aiFileName(createdAt, model.name, title, format) : `${title}.${format}`),
			mimeType,
			content,
			tags: fields.tags ?? [],
			source,
			visibility: fields.visibility ?? 'private',
			aiMetadata: model ? { model, timestamp: new Date(createdAt).toISOString() } : null,
			createdAt,
			updatedAt: toMs(fields.updatedAt) ?? createdAt,
			ragText: fields.ragText ?? (RAG_MIME.includes(mimeType) ? content.toString('utf8') : undefined),
		});
		if (model) this.attribute(doc, model, 'created', {}, createdAt);
		return getShape(doc);
	}

	/** Every document the profile can read (its own and the project's), as GET shows them. */
	all(profile) {
		return this.visible(profile).map((doc) => getShape(doc));
	}

	/**
	 * The profile's documents as RAG sees them (contract §3: the profile's project, text content).
	 * @returns {Array<{id: string, name: string, text: string}>}
	 */
	corpus(profile) {
		const project = this.projectOf(profile);
		return [...this.docs.values()]
			.filter((doc) => doc.project === project && doc.ragText !== undefined)
			.map((doc) => ({ id: doc.id, name: doc.title, text: doc.ragText }));
	}

	/** Demo library of the default key's profile; fixed ids (see SEEDED_DOCUMENT_IDS). */
	seed() {
		const profile = this.ctx.owners.get(this.ctx.sandbox.apiKey).profile;
		for (const seeded of SEEDED_DOCUMENTS) {
			const { update, ...fields } = seeded;
			this.insert(profile, fields);
			if (update) {
				const doc = this.docs.get(fields.id);
				this.newVersion(doc, `${doc.content.toString('utf8')}\n\n${update.content}`, {
					createdByModel: update.model,
					changeSummary: update.changeSummary,
					operation: 'append',
					previous: doc.content.toString('utf8'),
					at: toMs(update.at),
				});
				doc.aiMetadata = {
					...doc.aiMetadata,
					model: update.model,
					timestamp: update.at,
					changeSummary: update.changeSummary,
				};
				this.attribute(doc, update.model, 'updated', { changes_summary: update.changeSummary }, toMs(update.at));
			}
		}
	}

	// ---- store ------------------------------------------------------------------------------------

	store(fields) {
		const createdAt = fields.createdAt ?? this.ctx.clock.now();
		const doc = {
			id: (fields.id ?? this.ctx.newId()).toLowerCase(),
			seq: ++this.sequence,
			profile: fields.profile,
			project: fields.project ?? this.projectOf(fields.profile),
			userId: fields.userId,
			title: fields.title,
			description: fields.description ?? null,
			fileName: fields.fileName,
			mimeType: fields.mimeType,
			content: fields.content,
			tags: fields.tags ?? [],
			source: fields.source,
			visibility: fields.visibility ?? 'private',
			version: 1,
			parentDocumentId: null,
			aiMetadata: fields.aiMetadata ?? null,
			contentHash: createHash('sha256').update(fields.content).digest('hex'),
			createdAt,
			updatedAt: fields.updatedAt ?? createdAt,
			attributions: [],
			versions: [],
			ragText: fields.ragText,
		};
		this.docs.set(doc.id, doc);
		return doc;
	}

	attribute(doc, model, contributionType, metadata, at = this.ctx.clock.now()) {
		// Postgres keeps microseconds; list attributions show them.
		const micros = at * 1000 + ((doc.attributions.length * 137 + doc.seq * 31) % 1000);
		doc.attributions.push({
			modelName: model.name,
			modelProvider: model.provider,
			contributionType,
			timestampUs: micros,
			metadata: withoutUndefined(metadata),
		});
	}

	/** saveDocumentVersion(): a version row only for versions 2 and up, then the document moves to it. */
	newVersion(doc, content, { createdByModel, changeSummary, operation, previous, at = this.ctx.clock.now() }) {
		for (const row of doc.versions) row.isCurrent = false;
		const versionNumber = doc.version + 1;
		doc.versions.unshift({
			versionNumber,
			createdAt: at,
			createdByModel,
			changeSummary,
			contentDiff: contentDiff(previous, content, operation),
			content,
			isCurrent: true,
		});
		doc.content = Buffer.from(content, 'utf8');
		doc.version = versionNumber;
		doc.updatedAt = at;
		if (doc.ragText !== undefined) doc.ragText = content;
	}

	find(id) {
		// Postgres casts the id to uuid: anything else fails the query (the route's 500).
		if (!UUID.test(id)) throw new Error('invalid input syntax for type uuid');
		return this.docs.get(id.toLowerCase());
	}

	/** Version routes only match documents owned by the profile itself. */
	owned(req) {
		const doc = this.find(req.params.id);
		return doc && doc.profile === req.profile ? doc : undefined;
	}

	isVisible(doc, profile) {
		return doc.profile === profile || (doc.profile === null && doc.project === this.projectOf(profile));
	}

	visible(profile) {
		return [...this.docs.values()].filter((doc) => this.isVisible(doc, profile));
	}

	/** API key → project → active profile; a profile's project is its owner's `project` or user id. */
	projectOf(profile) {
		const owner = [...this.ctx.owners.values()].find((entry) => entry.profile === profile);
		return owner ? (owner.project ?? owner.userId) : `project-of-${profile}`;
	}

	userOf(profile) {
		return [...this.ctx.owners.values()].find((entry) => entry.profile === profile)?.userId ?? 'user-sandbox';
	}
}

// ---- shapes ---------------------------------------------------------------------------------------

function listShape(doc) {
	return {
		id: doc.id,
		title: doc.title,
		description: doc.description,
		fileName: doc.fileName,
		fileSize: doc.content.length,
		mimeType: doc.mimeType,
		tags: doc.tags,
		source: doc.source,
		visibility: doc.visibility,
		version: doc.version,
		createdAt: iso(doc.createdAt),
		updatedAt: iso(doc.updatedAt),
		aiMetadata: doc.aiMetadata,
		modelAttributions: distinct(
			doc.attributions.map((entry) => ({
				model_name: entry.modelName,
				model_provider: entry.modelProvider,
				contribution_type: entry.contributionType,
				timestamp: pgJsonTimestamp(entry.timestampUs),
			})),
		),
	};
}

function getShape(doc) {
	return {
		id: doc.id,
		title: doc.title,
		description: doc.description,
		fileName: doc.fileName,
		fileSize: doc.content.length,
		mimeType: doc.mimeType,
		tags: doc.tags,
		source: doc.source,
		visibility: doc.visibility,
		version: doc.version,
		parentDocumentId: doc.parentDocumentId,
		aiMetadata: doc.aiMetadata,
		contentHash: doc.contentHash,
		createdAt: iso(doc.createdAt),
		updatedAt: iso(doc.updatedAt),
		modelAttributions: doc.attributions.map((entry) => ({
			modelName: entry.modelName,
			modelProvider: entry.modelProvider,
			contributionType: entry.contributionType,
			timestamp: iso(Math.floor(entry.timestampUs / 1000)),
			metadata: entry.metadata,
		})),
	};
}

function searchShape(doc, score, query) {
	return {
		id: doc.id,
		title: doc.title,
		description: doc.description,
		snippet: snippet(doc.description || doc.title, query),
		relevanceScore: Number(score.toPrecision(7)),
		source: doc.source,
		aiMetadata: doc.aiMetadata,
		tags: doc.tags,
		visibility: doc.visibility,
		createdAt: iso(doc.createdAt),
		modelAttributions: distinct(
			doc.attributions.map((entry) => ({
				model_name: entry.modelName,
				model_provider: entry.modelProvider,
				contribution_type: entry.contributionType,
			})),
		),
	};
}

/** The server's snippet: 50 characters around the first case-insensitive hit, else the first 150. */
function snippet(content, query) {
	const index = content.toLowerCase().indexOf(query.toLowerCase());
	if (index === -1) return content.substring(0, 150) + (content.length > 150 ? '...' : '');
	const start = Math.max(0, index - 50);
	const end = Math.min(content.length, index + query.length + 50);
	return (start > 0 ? '...' : '') + content.substring(start, end) + (end < content.length ? '...' : '');
}

// ---- filters, sorting, text search --------------------------------------------------------------

function matchesFilters(doc, filters) {
	const model = doc.aiMetadata?.model ?? {};
	if (filters.source && filters.source !== 'all' && doc.source !== filters.source) return false;
	if (filters.dateFrom && doc.createdAt < Date.parse(filters.dateFrom)) return false;
	if (filters.dateTo && doc.createdAt > Date.parse(filters.dateTo)) return false;
	if (filters.tags?.length && !filters.tags.some((tag) => doc.tags.includes(tag))) return false;
	if (filters.modelName && model.name !== filters.modelName) return false;
	if (filters.modelProvider && model.provider !== filters.modelProvider) return false;
	return true;
}

function sortDocuments(docs, sort) {
	const byDate = (a, b) => a.createdAt - b.createdAt || a.seq - b.seq;
	const compare = {
		date_desc: (a, b) => byDate(b, a),
		date_asc: byDate,
		title: (a, b) => a.title.localeCompare(b.title, 'en') || a.seq - b.seq,
		size: (a, b) => b.content.length - a.content.length || a.seq - b.seq,
	}[sort];
	return [...docs].sort(compare);
}

/** ILIKE: % and _ are wildcards, backslash escapes. `wrap` adds the route's surrounding %…%. */
function likeMatcher(text, wrap = true) {
	let source = '';
	const pattern = wrap ? `%${text}%` : text;
	for (let i = 0; i < pattern.length; i++) {
		const char = pattern[i];
		if (char === '\\' && i + 1 < pattern.length) source += escapeRegex(pattern[++i]);
		else if (char === '%') source += '.*';
		else if (char === '_') source += '.';
		else source += escapeRegex(char);
	}
	const regex = new RegExp(`^${source}$`, 'is');
	return (value) => regex.test(value);
}

const escapeRegex = (char) => char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const STOP_WORDS = new Set(
	(
		'a about above after again against all am an and any are as at be because been before being below between both ' +
		'but by can did do does doing down during each few for from further had has have having he her here hers him his ' +
		'how i if in into is it its itself just me more most my no nor not now of off on once only or other our ours out ' +
		'over own same she should so some such than that the their theirs them then there these they this those through ' +
		'to too under until up very was we were what when where which while who whom why will with you your yours'
	).split(' '),
);

/** A rough english stemmer: enough for "documents" to find "document" as Postgres' english config does. */
function stem(word) {
	if (word.length <= 3) return word;
	for (const [suffix, keep] of [
		['ies', 'y'],
		['sses', 'ss'],
		['ing', ''],
		['ed', ''],
		['es', ''],
		['s', ''],
	]) {
		if (word.endsWith(suffix) && !word.endsWith('ss') && word.length - suffix.length >= 3) {
			return word.slice(0, -suffix.length) + keep;
		}
	}
	return word;
}

function toTsVector(text) {
	return (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((word) => !STOP_WORDS.has(word)).map(stem);
}

function plainToTsQuery(query) {
	return [...new Set(toTsVector(query))];
}

/** In the range of Postgres' ts_rank (0.0607927 for one hit of one term). */
function tsRank(words, lexemes) {
	if (lexemes.length === 0) return 0;
	const hits = lexemes.map((lexeme) => words.filter((word) => word === lexeme).length);
	if (hits.some((count) => count === 0)) return 0;
	return (0.0607927 * hits.reduce((sum, count) => sum + Math.min(count, 3), 0)) / lexemes.length;
}

// ---- small helpers ------------------------------------------------------------------------------

function isTextMime(mimeType) {
	return mimeType.startsWith('text/') || mimeType === 'application/json' || mimeType === 'application/xml';
}

/** sanitize-html, roughly: scripts, frames, styles, event handlers and javascript: URLs go. */
function sanitize(content) {
	return content
		.replace(/<(script|style|iframe|object|embed)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
		.replace(/<\/?(script|style|iframe|object|embed)\b[^>]*>/gi, '')
		.replace(/\s+on[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '')
		.replace(/(href|src)\s*=\s*(["']?)\s*javascript:[^"'\s>]*\2/gi, '');
}

function contentDiff(oldContent, newContent, operation) {
	const oldSize = Buffer.byteLength(oldContent, 'utf8');
	const newSize = Buffer.byteLength(newContent, 'utf8');
	if (operation === 'replace') {
		return {
			additions: newSize,
			deletions: oldSize,
			changes: [{ type: 'replace', content: `Replaced ${oldSize} bytes with ${newSize} bytes` }],
		};
	}
	const verb = operation === 'append' ? 'Added' : 'Prepended';
	return {
		additions: newSize - oldSize,
		deletions: 0,
		changes: [{ type: operation, content: `${verb} ${newSize - oldSize} bytes` }],
	};
}

function aiFileName(at, modelName, title, format) {
	const stamp = new Date(at).toISOString().replace(/[:.]/g, '-').replace('T', '_');
	const safeModel = modelName.replace(/[^a-zA-Z0-9-_]/g, '_');
	const safeTitle = title.replace(/[^a-zA-Z0-9-_]/g, '_').substring(0, 50);
	return `${stamp}_${safeModel}_${safeTitle}.${format}`;
}

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

// ---- seed -----------------------------------------------------------------------------------------

const CLAUDE = { name: 'claude-sonnet-4', provider: 'anthropic' };
const GPT = { name: 'gpt-4o', provider: 'openai' };

/** Fixed ids, so demos and docs can point at them. */
const SEEDED_DOCUMENT_IDS = {
	gettingStarted: 'd0c5eed0-0000-4000-8000-000000000001',
	ragGuide: 'd0c5eed0-0000-4000-8000-000000000002',
	clipboardAndAgents: 'd0c5eed0-0000-4000-8000-000000000003',
	apiKeysAndLimits: 'd0c5eed0-0000-4000-8000-000000000004',
	meetingNotes: 'd0c5eed0-0000-4000-8000-000000000005',
	architecturePdf: 'd0c5eed0-0000-4000-8000-000000000006',
};

const SEEDED_DOCUMENTS = [
	{
		id: SEEDED_DOCUMENT_IDS.gettingStarted,
		title: 'Getting Started with Plugged.in',
		category: 'guide',
		format: 'md',
		tags: ['guide', 'onboarding'],
		visibility: 'workspace',
		model: CLAUDE,
		createdAt: '2026-11-01T09:00:00.000Z',
		content:
			'# Getting Started with Plugged.in\n\n' +
			'Plugged.in is a hub for MCP servers, AI documents and agents. Each API key belongs to one project (a Hub) ' +
			"and works on that project's active profile.\n\n" +
			'## First steps\n\n1. Create an API key under Settings → API Keys (keys start with `pg_in_`).\n' +
			'2. Call `GET /api/documents?limit=1` with `Authorization: Bearer <key>` to check it.\n' +
			'3. Save what your AI model writes with `POST /api/documents/ai`; it lands in the Library.',
		update: {
			at: '2026-11-02T10:30:00.000Z',
			model: GPT,
			changeSummary: 'Added a section on the Library',
			content:
				'## The Library\n\nEvery document has a version history. Updates append, prepend or replace content, ' +
				'and each one records the model that made it.',
		},
	},
	{
		id: SEEDED_DOCUMENT_IDS.ragGuide,
		title: 'Plugged.in RAG Knowledge Base',
		category: 'documentation',
		format: 'md',
		tags: ['rag', 'search', 'documentation'],
		visibility: 'workspace',
		model: CLAUDE,
		createdAt: '2026-11-03T09:00:00.000Z',
		content:
			'# RAG Knowledge Base\n\n' +
			'Plugged.in indexes Markdown and plain-text documents of a project for retrieval-augmented generation (RAG). ' +
			'Ask a question with `POST /api/rag/query`; the answer is built from the most relevant chunks of your ' +
			'documents, and with `includeMetadata` you also get the names and ids of the source documents.\n\n' +
			'Document search (`POST /api/documents/search`) is different: it matches titles and descriptions only.',
	},
	{
		id: SEEDED_DOCUMENT_IDS.clipboardAndAgents,
		title: 'Clipboard Memory and PAP Agents',
		category: 'documentation',
		format: 'md',
		tags: ['clipboard', 'agents'],
		visibility: 'private',
		model: GPT,
		createdAt: '2026-11-04T09:00:00.000Z',
		content:
			'# Clipboard Memory and PAP Agents\n\n' +
			'The clipboard is a key-value and stack memory that workflows and AI agents share: set a named entry, ' +
			'or push and pop indexed entries. Entries expire after 24 hours by default.\n\n' +
			'PAP agents (Plugged.in Agent Protocol) report heartbeats and metrics; their lifecycle goes from NEW to ' +
			'PROVISIONED, ACTIVE and finally TERMINATED.',
	},
	{
		id: SEEDED_DOCUMENT_IDS.apiKeysAndLimits,
		title: 'API Keys and Rate Limits',
		category: 'documentation',
		format: 'md',
		tags: ['api', 'security'],
		visibility: 'public',
		model: CLAUDE,
		createdAt: '2026-11-05T09:00:00.000Z',
		content:
			'# API Keys and Rate Limits\n\n' +
			'Plugged.in limits requests in three layers: 100 requests a minute per IP and path, a per-key budget for ' +
			'document and clipboard writes (document updates: 10 every 5 minutes), and limits for agent routes. ' +
			'A 429 answer carries Retry-After: wait that many seconds before trying again.',
	},
	{
		id: SEEDED_DOCUMENT_IDS.meetingNotes,
		title: 'Team Meeting Notes',
		format: 'txt',
		source: 'upload',
		tags: ['notes'],
		visibility: 'workspace',
		description: 'Weekly sync about the n8n integration',
		fileName: 'team-meeting-notes.txt',
		createdAt: '2026-11-06T09:00:00.000Z',
		content:
			'Weekly sync\n\n- The n8n nodes for Plugged.in cover documents, RAG, clipboard and agents.\n' +
			'- A polling trigger watches for new documents.\n- Next: publish the package on npm.',
	},
	{
		id: SEEDED_DOCUMENT_IDS.architecturePdf,
		title: 'Plugged.in Architecture Overview',
		mimeType: 'application/pdf',
		source: 'upload',
		tags: ['architecture'],
		visibility: 'workspace',
		description: 'Architecture diagram and notes (PDF)',
		fileName: 'plugged-in-architecture.pdf',
		createdAt: '2026-11-07T09:00:00.000Z',
		// Uploaded to the Hub's library: a project-level document (no profile).
		projectLevel: true,
		content: Buffer.from(
			'%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
				'2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
			'latin1',
		),
		ragText:
			'Plugged.in architecture: the web app (Next.js) serves the API; documents live on disk with their versions; ' +
			'a RAG service indexes project documents; agents run on Kubernetes and report to the app.',
	},
];

module.exports = { DocumentsArea, SEEDED_DOCUMENT_IDS };
