'use strict';
// What each route sends for a document: list, get and search shapes.
const { iso, pgJsonTimestamp, distinct } = require('./requests');

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

module.exports = { listShape, getShape, searchShape };
