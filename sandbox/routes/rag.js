'use strict';
const { error, json } = require('../http');
const { bearerToken } = require('../limits');

/**
 * Contract §3 (and §8): POST /api/rag/query and GET /api/rag/storage-stats.
 * There is no LLM step on the real server either: the answer is the top-K chunks of the profile's
 * documents, here ranked by term overlap instead of vector similarity.
 */
const TOP_K = 5;
const SEPARATOR = '\n\n---\n\n';
const MAX_ANSWER = 10_000;
const TRUNCATION_MARKER = '\n\n[Response truncated for security]';
const NO_DOCUMENTS = 'No relevant documents found';
const MAX_QUERY = 1000;

// The server's whitelist, checked after HTML stripping and trimming (same rules as nodes/PluggedInRag/queryText.ts).
const ALLOWED = /^[a-zA-Z0-9\s\-_.,!?'"():;@#$%&*+=/[\]{}|~`\u0080-\uFFFF]+$/;
const DROPPED_WITH_CONTENT = /<(script|style|textarea|option)\b[^>]*>[\s\S]*?(<\/\1\s*>|$)/gi;
const COMMENT = /<!--[\s\S]*?(-->|$)/g;
const TAG = /<[a-zA-Z][^>]*(>|$)|<\/[^>]*(>|$)|<[!?][^>]*(>|$)/g;
const ENTITY = /&(?:#[xX]([0-9a-fA-F]+);?|#(\d+);?|(amp|lt|gt|quot|apos|Hat|bsol);)/g;
const NAMED_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", Hat: '^', bsol: '\\' };
const STOP_WORDS = new Set(
	'a an and are as at be by can do does for from how i in is it of on or the this to was what when where which who why with you'.split(
		' ',
	),
);

class RagArea {
	/** ENABLE_RAG on the real server; off → every query answers 500 "RAG is not enabled". */
	enabled;
	/** RAG_SEARCH_TOP_K. */
	topK = TOP_K;
	/** Longest chunk, in characters; chunks break at paragraph ends where they can. */
	chunkSize = 4000;

	/**
	 * @param {import('../server').SandboxContext} ctx
	 * @param {import('../http').Router} router
	 */
	constructor(ctx, router) {
		this.ctx = ctx;
		this.router = router;
		this.enabled = ctx.sandbox.options.ragEnabled !== false;
		router.post(
			'/api/rag/query',
			{ auth: 'apiKey', preAuth: (req) => this.validate(req), failure: 'Service temporarily unavailable' },
			(req) => this.query(req),
		);
		// The route authenticates itself (Bearer key, else a session), with its own 401 body.
		router.get('/api/rag/storage-stats', { auth: 'none', failure: 'Failed to fetch storage statistics' }, (req) =>
			this.storageStats(req),
		);
	}

	seed() {}

	/**
	 * Runs before auth, as on the real server. An empty or unparsable body also gets 400: §8 saw
	 * an empty body answered so, which means the parse failure is caught with the schema errors.
	 */
	validate(req) {
		let body;
		try {
			body = req.json();
		} catch {
			return invalidInput();
		}
		const query = acceptedQuery(body !== null && typeof body === 'object' ? body.query : undefined);
		if (query === undefined) return invalidInput();
		req.rag = { query, includeMetadata: body.includeMetadata === true };
		return undefined;
	}

	query(req) {
		if (!this.enabled) return error(500, 'RAG is not enabled');
		const { query, includeMetadata } = req.rag;
		const chunks = this.search(req.profile, query);
		let answer = chunks.length === 0 ? NO_DOCUMENTS : chunks.map((chunk) => chunk.text).join(SEPARATOR);
		if (answer.length > MAX_ANSWER) answer = answer.substring(0, MAX_ANSWER) + TRUNCATION_MARKER;
		if (!includeMetadata) return { status: 200, text: answer, contentType: 'text/plain;charset=UTF-8' };
		const documents = [...new Map(chunks.map((chunk) => [chunk.document.id, chunk.document])).values()];
		return json(200, {
			answer,
			sources: documents.map((document) => sanitizeToPlainText(document.name)),
			documentIds: documents.map((document) => sanitizeToPlainText(document.id)),
		});
	}

	/** The profile's chunks that share a term with the query, best first (ties keep library order). */
	search(profile, query) {
		const terms = [...new Set(words(query))].filter((term) => !STOP_WORDS.has(term));
		if (terms.length === 0) return [];
		const scored = [];
		for (const document of this.ctx.sandbox.documents.corpus(profile)) {
			for (const text of chunk(document.text ?? '', this.chunkSize)) {
				const counts = new Map();
				for (const word of words(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
				const matched = terms.filter((term) => counts.has(term));
				if (matched.length === 0) continue;
				const hits = matched.reduce((sum, term) => sum + counts.get(term), 0);
				scored.push({ document, text, score: matched.length + hits / (hits + 1), order: scored.length });
			}
		}
		scored.sort((a, b) => b.score - a.score || a.order - b.order);
		return scored.slice(0, this.topK);
	}

	/**
	 * Contract §3.2. The route hands the user id to a service that expects a project uuid (the
	 * contract's probable bug), so nothing is found and the answer is always the zero estimate; we
	 * answer that, as the real server most likely does, rather than counts of the profile's documents.
	 */
	storageStats(req) {
		const owner = this.ctx.owners.get(bearerToken(req) ?? '');
		if (!owner) return error(401, 'Unauthorized', { code: 'UNAUTHORIZED' });
		const userId = req.query.get('user_id');
		if (!userId) return error(400, 'user_id parameter is required');
		if (userId !== owner.userId) return error(403, 'Forbidden', { code: 'FORBIDDEN' });
		// A running 3.3.0 with RAG off answered this (issue 15); that the owner check comes first is a guess.
		if (!this.enabled) return error(500, 'RAG is not enabled');
		return json(200, {
			documents_count: 0,
			total_chunks: 0,
			estimated_storage_mb: 0,
			vectors_count: 0,
			embedding_dimension: 1536,
			is_estimate: true,
		});
	}
}

const invalidInput = () => error(400, 'Invalid input format');

/** The query the server searches for, or undefined when its schema refuses `raw`. */
function acceptedQuery(raw) {
	if (typeof raw !== 'string' || raw.length < 1 || raw.length > MAX_QUERY) return undefined;
	const query = sanitizeToPlainText(raw).trim();
	return ALLOWED.test(query) ? query : undefined;
}

/** sanitize-html with no allowed tags: tags dropped (some with their text), entities decoded, & < > escaped. */
function sanitizeToPlainText(text) {
	return text
		.replace(DROPPED_WITH_CONTENT, '')
		.replace(COMMENT, '')
		.replace(TAG, '')
		.replace(ENTITY, (_, hex, decimal, name) => decodeEntity(hex, decimal, name))
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;');
}

function decodeEntity(hex, decimal, name) {
	if (name !== undefined) return NAMED_ENTITIES[name];
	const code = hex === undefined ? Number(decimal) : parseInt(hex, 16);
	const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
	return String.fromCodePoint(valid ? code : 0xfffd);
}

function words(text) {
	return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Paragraph-aligned chunks of at most `size` characters (a longer paragraph is cut). */
function chunk(text, size) {
	const chunks = [];
	let current = '';
	for (const paragraph of text.split(/\n\s*\n/)) {
		for (let start = 0; start < Math.max(paragraph.length, 1); start += size) {
			const piece = paragraph.slice(start, start + size).trim();
			if (!piece) continue;
			if (current && current.length + 2 + piece.length > size) {
				chunks.push(current);
				current = '';
			}
			current = current ? `${current}\n\n${piece}` : piece;
		}
	}
	if (current) chunks.push(current);
	return chunks;
}

module.exports = { RagArea, acceptedQuery, TRUNCATION_MARKER };
