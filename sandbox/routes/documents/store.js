'use strict';
// The library's data: inserting (for other areas and tests), versions, attributions and who sees what.
const { createHash } = require('node:crypto');
const { UUID } = require('../../http');
const { FORMAT_MIME, RAG_MIME } = require('./validators');
const { getShape } = require('./shapes');
const { contentDiff, aiFileName } = require('./content');
const { withoutUndefined, toMs } = require('./requests');
const { SEEDED_DOCUMENTS } = require('./seeds');

class DocumentStore {
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

module.exports = { DocumentStore };
