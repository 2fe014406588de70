'use strict';
// Contract §2: create, update (replace, append, prepend; CSRF-checked), delete and restore.
const { error, json } = require('../../http');
const { FORMAT_MIME, createSchema, updateSchema } = require('./validators');
const { sanitize, aiFileName } = require('./content');
const { readJson, flatIssues, withoutUndefined, headerValue } = require('./requests');
const { getShape } = require('./shapes');

class DocumentWriteRoutes {
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

	restore(req) {
		const versionNumber = parseInt(req.params.version, 10);
		if (Number.isNaN(versionNumber)) return error(400, 'Invalid version number');
		const { restoredByModel } = readJson(req);
		const doc = this.owned(req);
		if (!doc) return error(404, 'Document not found or access denied');
		const row = doc.versions.find((entry) => entry.versionNumber === versionNumber);
		// The server's restoreVersion() returns false on any failure, a missing version included.
		if (!row) return error(500, 'Failed to restore version');
		// A running 3.3.0 saves the current content first, then the restored copy: v2 of a v4 document gives v6.
		const system = { name: 'System', provider: 'internal', version: '1.0' };
		const current = doc.content.toString('utf8');
		this.newVersion(doc, current, {
			createdByModel: system,
			changeSummary: `Backup before restoring version ${versionNumber}`,
			operation: 'replace',
			previous: current,
		});
		this.newVersion(doc, row.content, {
			createdByModel: restoredByModel || system,
			changeSummary: `Restored from version ${versionNumber}`,
			operation: 'replace',
			previous: current,
		});
		return json(200, { success: true, message: `Version ${versionNumber} restored successfully` });
	}
}

module.exports = { DocumentWriteRoutes };
