'use strict';
// Contract §5 and §8 (agents): PAP agents, their state machine, heartbeats vs metrics, quota and a
// Kubernetes cluster the sandbox cannot reach (created agents stay NEW; seeded agents are "deployed").
// For tests: runZombieCheck(), transition(), scheduleTransition(), insertAgent(), agent(), SEEDED_AGENTS.
// The routes are in records.js, telemetry.js and lifecycle.js; this file holds the route table.
const { json } = require('../../http');
const { withSections } = require('../../sections');
const { TRANSITIONS, LIMITS } = require('./rules');
const { SEEDED, TEMPLATES } = require('./seeds');
const { RESERVED_NAMES } = require('./validators');
const { AgentRecordRoutes } = require('./records');
const { AgentTelemetryRoutes } = require('./telemetry');
const { AgentLifecycleRoutes } = require('./lifecycle');
const { AgentCluster } = require('./cluster');
const { AgentStore } = require('./store');

class AgentsArea {
	/** @type {Map<string, object>} every agent of every profile (names are global) */
	agents = new Map();
	names = new Set();
	/** uuid → {heartbeats, metrics, events}, oldest first */
	history = new Map();
	/** uuid → replicas, for agents whose deployment exists in the (pretend) cluster */
	cluster = new Map();
	/** uuid → [{afterReads, to}]: state changes applied after GET /api/agents/{id} reads (Wait For State tests) */
	scheduled = new Map();
	ids = { heartbeat: 1000, metric: 5000, event: 9000 };
	templates = TEMPLATES.map((template) => ({ ...template, install_count: 0, created_at: '2026-01-15T09:00:00.000Z' }));

	/**
	 * @param {import('../server').SandboxContext} ctx
	 * @param {import('../http').Router} router
	 */
	constructor(ctx, router) {
		this.ctx = ctx;
		this.router = router;
		const agents = { auth: 'agents' };
		const r = router;
		// Fixed paths before /api/agents/:id, which would match them too.
		r.get('/api/agents/templates', { auth: 'none', failure: 'Failed to fetch templates' }, (req) =>
			this.listTemplates(req),
		);
		r.get('/api/agents/quota', { ...agents, failure: 'Failed to fetch quota information' }, (req) => this.quota(req));
		r.post('/api/agents/zombie-check', { auth: 'none', failure: 'Internal server error' }, () =>
			json(200, this.runZombieCheck()),
		);
		r.get('/api/agents', { ...agents, limit: LIMITS.list, failure: 'Failed to fetch agents' }, (req) => this.list(req));
		r.post('/api/agents', { ...agents, limit: LIMITS.create, failure: 'Failed to create agent' }, (req) =>
			this.create(req),
		);
		r.get('/api/agents/:id', { ...agents, limit: LIMITS.read, failure: 'Failed to fetch agent' }, (req) =>
			this.read(req),
		);
		r.patch('/api/agents/:id', { ...agents, limit: LIMITS.update, failure: 'Failed to update agent' }, (req) =>
			this.update(req),
		);
		r.delete('/api/agents/:id', { ...agents, limit: LIMITS.delete, failure: 'Failed to delete agent' }, (req) =>
			this.remove(req),
		);
		const post = (action, limit, failure, handler) =>
			r.post(`/api/agents/:id/${action}`, { ...agents, limit, failure }, handler);
		post('export', LIMITS.intensive, 'Failed to export agent', (req) => this.export(req));
		post('heartbeat', LIMITS.heartbeat, 'Failed to record heartbeat', (req) => this.heartbeat(req));
		post('metrics', LIMITS.metrics, 'Failed to record metrics', (req) => this.metrics(req));
		post('state', LIMITS.lifecycle, 'Failed to record state change', (req) => this.changeState(req));
		post('suspend', LIMITS.lifecycle, 'Failed to suspend agent', (req) => this.suspend(req));
		post('resume', LIMITS.lifecycle, 'Failed to resume agent', (req) => this.resume(req));
		post('restart', LIMITS.lifecycle, 'Failed to restart agent', (req) => this.restart(req));
		post('shutdown', LIMITS.lifecycle, 'Failed to shutdown agent', (req) => this.shutdown(req));
		r.get('/api/agents/:id/logs', { ...agents, failure: 'Failed to fetch logs' }, (req) => this.logs(req));
		r.get('/api/agents/:id/events', { ...agents, failure: 'Failed to fetch events' }, (req) => this.clusterEvents(req));
	}
}

withSections(AgentsArea, AgentRecordRoutes, AgentTelemetryRoutes, AgentLifecycleRoutes, AgentCluster, AgentStore);

module.exports = { AgentsArea, SEEDED_AGENTS: SEEDED, AGENT_TEMPLATES: TEMPLATES, RESERVED_NAMES, TRANSITIONS };
