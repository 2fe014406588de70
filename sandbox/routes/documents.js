'use strict';
// Contract section for documents: the routes land with the Documents node.

class DocumentsArea {
	/**
	 * @param {import('../server').SandboxContext} ctx
	 * @param {import('../http').Router} router
	 */
	constructor(ctx, router) {
		this.ctx = ctx;
		this.router = router;
	}

	seed() {}

	/**
	 * The profile's documents as RAG sees them (contract §3: the profile's project, text content).
	 * @returns {Array<{id: string, name: string, text: string}>}
	 */
	corpus(profile) {
		return [];
	}
}

module.exports = { DocumentsArea };
