'use strict';
/**
 * Watches the sandbox's HTTP server from outside (listeners on `sandbox.server`, nothing changed in it):
 * TCP connections opened (keep-alive check), requests answered, and how long each took on the server
 * (arrival to response written: the simulated latency plus the sandbox's own work).
 */
class SandboxProbe {
	constructor(sandbox) {
		this.sandbox = sandbox;
		this.connections = 0;
		this.serverMs = [];
		sandbox.server.on('connection', () => this.connections++);
		sandbox.server.on('request', (req, res) => {
			const arrived = performance.now();
			res.on('finish', () => this.serverMs.push(performance.now() - arrived));
		});
	}

	/** Starts a measurement; `stop()` of the result gives what happened since. */
	start() {
		const connections = this.connections;
		const requests = this.sandbox.log.length;
		const timings = this.serverMs.length;
		return {
			stop: () => {
				const serverMs = this.serverMs.slice(timings);
				const log = this.sandbox.log.slice(requests);
				const statuses = {};
				for (const entry of log) statuses[entry.status] = (statuses[entry.status] ?? 0) + 1;
				return {
					requests: log.length,
					connections: this.connections - connections,
					statuses,
					serverMsTotal: serverMs.reduce((sum, ms) => sum + ms, 0),
					serverMsMean: serverMs.length ? serverMs.reduce((sum, ms) => sum + ms, 0) / serverMs.length : 0,
				};
			},
		};
	}
}

module.exports = { SandboxProbe };
