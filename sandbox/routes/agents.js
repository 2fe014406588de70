'use strict';
// Contract section for agents: the routes land with the Agents node.

class AgentsArea {
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

module.exports = { AgentsArea };
