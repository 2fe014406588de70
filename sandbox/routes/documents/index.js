'use strict';
/**
 * Contract §2, section 8 first: the document library. This file holds the route table; the routes are
 * in reads.js and writes.js, the request schemas in validators.js, the demo library in seeds.js.
 */
const { withSections } = require('../../sections');
const { STATIC_SEGMENTS } = require('./validators');
const { tooLarge } = require('./requests');
const { SEEDED_DOCUMENT_IDS } = require('./seeds');
const { DocumentReadRoutes } = require('./reads');
const { DocumentWriteRoutes } = require('./writes');
const { DocumentStore } = require('./store');

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
}

withSections(DocumentsArea, DocumentReadRoutes, DocumentWriteRoutes, DocumentStore);

module.exports = { DocumentsArea, SEEDED_DOCUMENT_IDS };
