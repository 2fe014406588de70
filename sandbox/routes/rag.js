'use strict';
// Contract section for rag: the routes land with the Rag node.

class RagArea {
	/**
	 * @param {import('../server').SandboxContext} ctx
	 * @param {import('../http').Router} router
	 */
	constructor(ctx, router) {
		this.ctx = ctx;
		this.router = router;
	}

	seed() {}
}

module.exports = { RagArea };
