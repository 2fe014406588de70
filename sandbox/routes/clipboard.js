'use strict';
// Contract section for clipboard: the routes land with the Clipboard node.

class ClipboardArea {
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

module.exports = { ClipboardArea };
