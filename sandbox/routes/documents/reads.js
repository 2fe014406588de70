'use strict';
// Contract §2: list, get, search, versions and download.
const { error, json } = require('../../http');
const { listSchema, getSchema, searchSchema } = require('./validators');
const { listShape, getShape, searchShape } = require('./shapes');
const { matchesFilters, sortDocuments, likeMatcher, toTsVector, plainToTsQuery, tsRank } = require('./search');
const { isTextMime } = require('./content');
const { readJson, flatIssues, iso, bearer } = require('./requests');

class DocumentReadRoutes {
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
}

module.exports = { DocumentReadRoutes };
