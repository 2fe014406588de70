'use strict';
// Contract §5 and §8 (agents): PAP agents, their state machine, heartbeats vs metrics, quota and a
// Kubernetes cluster the sandbox cannot reach (created agents stay NEW; seeded agents are "deployed").
// For tests: runZombieCheck(), transition(), scheduleTransition(), insertAgent(), agent(), SEEDED_AGENTS.
const { randomBytes } = require('node:crypto');
const { error, json, UUID } = require('../http');

const STATES = ['NEW', 'PROVISIONED', 'ACTIVE', 'DRAINING', 'TERMINATED', 'KILLED'];
/** The FSM of POST /state (APP `app/api/agents/[id]/state/route.ts`). */
const TRANSITIONS = {
	NEW: ['PROVISIONED', 'KILLED'],
	PROVISIONED: ['ACTIVE', 'TERMINATED', 'KILLED'],
	ACTIVE: ['DRAINING', 'KILLED'],
	DRAINING: ['TERMINATED', 'ACTIVE', 'KILLED'],
	TERMINATED: [],
	KILLED: [],
};
const TERMINAL = ['TERMINATED', 'KILLED'];
const MODES = ['EMERGENCY', 'IDLE', 'SLEEP'];
const INTERVAL_MS = { EMERGENCY: 5_000, IDLE: 30_000, SLEEP: 15 * 60_000 };
const TELEMETRY_FIELDS = ['cpu_percent', 'memory_mb', 'requests_handled', 'custom_metrics'];
const MAX_AGENTS = 10;
const MINUTE = 60_000;
/** Layer 3 limiters per route (contract §1). */
const LIMITS = {
	list: { layer: 3, max: 60, windowMs: MINUTE },
	create: { layer: 3, max: 20, windowMs: 60 * MINUTE },
	read: { layer: 3, max: 120, windowMs: MINUTE },
	update: { layer: 3, max: 30, windowMs: 5 * MINUTE },
	delete: { layer: 3, max: 20, windowMs: 60 * MINUTE },
	lifecycle: { layer: 3, max: 30, windowMs: MINUTE },
	heartbeat: { layer: 3, max: 120, windowMs: MINUTE },
	metrics: { layer: 3, max: 60, windowMs: MINUTE },
	intensive: { layer: 3, max: 10, windowMs: 5 * MINUTE },
};
/** What the Kubernetes client says when the cluster cannot be reached (a development server). */
const CLUSTER_DOWN = 'connect ECONNREFUSED 127.0.0.1:6443';
const MODEL_ROUTER_SERVICE = '5b0c7e2a-1f3d-4e6a-8b9c-0d1e2f3a4b5c';

/** Fixed ids of the seeded agents, for tests and demos. */
const SEEDED = {
	active: '0a9e6f10-5c1d-4c59-9b8e-7a1d2c3b4e01',
	provisioned: '0a9e6f10-5c1d-4c59-9b8e-7a1d2c3b4e02',
	terminated: '0a9e6f10-5c1d-4c59-9b8e-7a1d2c3b4e03',
};
/** Marketplace templates: always present (they are not per profile). */
const TEMPLATES = [
	{
		uuid: 'f7c1b7a2-3d4e-4f50-8a6b-9c0d1e2f3a01',
		namespace: 'veriteknik',
		name: 'compass',
		version: '1.2.0',
		display_name: 'Compass',
		description: 'Research agent that answers with sources',
		docker_image: 'ghcr.io/veriteknik/compass-agent:latest',
		container_port: 3000,
		health_endpoint: '/health',
		category: 'research',
		tags: ['ai', 'research'],
		is_verified: true,
		is_featured: true,
		configurable: { model: 'string', temperature: 'number', max_sources: 'number' },
	},
	{
		uuid: 'f7c1b7a2-3d4e-4f50-8a6b-9c0d1e2f3a02',
		namespace: 'veriteknik',
		name: 'focus',
		version: '0.9.1',
		display_name: 'Focus',
		description: 'Keeps a to-do list and nudges you',
		docker_image: 'ghcr.io/veriteknik/focus-agent:0.9.1',
		container_port: 8080,
		health_endpoint: '/healthz',
		category: 'productivity',
		tags: ['productivity'],
		is_verified: false,
		is_featured: false,
		configurable: { timezone: 'string' },
	},
];

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

	// ── Routes ────────────────────────────────────────────────────────────────

	list(req) {
		const rows = this.profileAgents(req.profile)
			.reverse()
			.sort((a, b) => b.created_at.localeCompare(a.created_at))
			.map(listColumns);
		return json(200, rows);
	}

	create(req) {
		// The quota comes first: a full profile gets 403 even for a bad name (§8).
		const count = this.profileAgents(req.profile).length;
		if (count >= MAX_AGENTS) {
			return error(403, 'Agent quota exceeded', {
				quota: { max_agents: MAX_AGENTS, current_agents: count, tier: 'free' },
			});
		}
		const body = strictJson(req);
		const problem = resourcesProblem(body.resources) ?? envProblem(body.env_overrides);
		if (problem) return problem;
		let template = null;
		if (body.template_uuid) {
			template = this.templates.find((t) => t.uuid === uuidCast(body.template_uuid));
			if (!template) return error(404, 'Template not found');
		}
		const invalid = createFieldsProblem(body, template);
		if (invalid) return invalid;
		const { normalizedName: name } = validateAgentName(body.name);
		// A taken name (even a terminated agent's) breaks the unique index; the running server answers 500 (§8).
		if (this.names.has(name)) return error(500, 'Failed to create agent');

		const image = body.image || template?.docker_image;
		const row = this.insert({
			profile: req.profile,
			name,
			template,
			accessLevel: body.access_level,
			configValues: body.config_values,
			metadata: {
				description: body.description || template?.description,
				image,
				container_port: template?.container_port || 3000,
				health_endpoint: template?.health_endpoint || '/health',
				resources: body.resources,
				env_overrides: body.env_overrides,
				template_name: template ? `${template.namespace}/${template.name}` : undefined,
				template_version: template?.version,
			},
		});
		if (template) template.install_count++;
		this.logEvent(row.uuid, 'CREATED', null, 'NEW', {
			triggered_by: req.userId,
			profile_uuid: req.profile,
			template_uuid: template?.uuid,
			template_name: template ? `${template.namespace}/${template.name}` : undefined,
		});
		const inserted = clone(row);
		const deployment = { success: false, message: `Failed to deploy agent: ${CLUSTER_DOWN}`, deploymentName: name };
		this.logEvent(row.uuid, 'ERROR', 'NEW', 'NEW', { error_message: deployment.message, triggered_by: 'system' });
		this.issueModelRouterToken(row);
		return json(200, { agent: inserted, template: template ? templateSummary(template) : null, deployment });
	}

	read(req) {
		const agent = this.owned(req);
		if (!agent) return notFound();
		const history = this.history.get(agent.uuid);
		const body = {
			agent: clone(agent),
			recentHeartbeats: newest(history.heartbeats, 10),
			recentMetrics: newest(history.metrics, 10),
			lifecycleEvents: newest(history.events, 100),
			kubernetesStatus: this.deploymentStatus(agent),
		};
		this.runScheduled(agent.uuid);
		return json(200, body);
	}

	update(req) {
		const body = strictJson(req);
		const { access_level, metadata } = body;
		if (metadata !== undefined && JSON.stringify(metadata).length > 65536) {
			return error(400, 'Metadata exceeds maximum size of 64KB');
		}
		const agent = this.owned(req);
		if (!agent) return notFound();
		const changes = {};
		if (access_level !== undefined) {
			if (!['PRIVATE', 'PUBLIC'].includes(access_level)) {
				return error(400, 'Invalid access_level. Must be one of: PRIVATE, PUBLIC');
			}
			changes.access_level = access_level;
		}
		if (metadata !== undefined) changes.metadata = { ...(agent.metadata ?? {}), ...metadata };
		if (Object.keys(changes).length === 0) return error(400, 'No valid fields to update');
		const previousAccess = agent.access_level;
		Object.assign(agent, changes);
		if (access_level !== undefined && access_level !== previousAccess) {
			this.logEvent(agent.uuid, 'ACCESS_LEVEL_CHANGED', agent.state, agent.state, {
				triggered_by: req.userId,
				previous_access_level: previousAccess,
				new_access_level: access_level,
			});
		}
		return json(200, { message: 'Agent updated successfully', agent: clone(agent) });
	}

	/** Soft delete: any state → TERMINATED, the row (and its name) stays. */
	remove(req) {
		const agent = this.owned(req);
		if (!agent) return notFound();
		const kubernetes = this.deleteDeployment(agent);
		const from = agent.state;
		agent.state = 'TERMINATED';
		agent.terminated_at = this.now();
		this.logEvent(agent.uuid, 'TERMINATED', from, 'TERMINATED', {
			triggered_by: req.userId,
			kubernetes_result: kubernetes,
		});
		return json(200, { message: 'Agent terminated successfully', kubernetes });
	}

	export(req) {
		const body = lenientJson(req);
		const includeTelemetry = body.include_telemetry ?? false;
		const telemetryLimit = body.telemetry_limit || 100;
		if (telemetryLimit < 1 || telemetryLimit > 10000) {
			return error(400, 'telemetry_limit must be between 1 and 10000');
		}
		const agent = this.owned(req);
		if (!agent) return notFound();
		const history = this.history.get(agent.uuid);
		const status = this.deploymentStatus(agent);
		const exported = {
			export_version: 'pap-export/1.0',
			exported_at: this.now(),
			agent: { ...clone(agent), metadata: redactSensitiveMetadata(agent.metadata) },
			lifecycle_events: newest(history.events, 1000),
			kubernetes_config: status
				? { deployment_name: agent.kubernetes_deployment, namespace: agent.kubernetes_namespace, status }
				: null,
		};
		if (includeTelemetry) {
			exported.telemetry = {
				heartbeats: newest(history.heartbeats, telemetryLimit),
				metrics: newest(history.metrics, telemetryLimit),
			};
		}
		this.logEvent(agent.uuid, 'EXPORTED', agent.state, agent.state, {
			triggered_by: req.userId,
			include_telemetry: includeTelemetry,
			telemetry_records: includeTelemetry
				? { heartbeats: exported.telemetry.heartbeats.length, metrics: exported.telemetry.metrics.length }
				: null,
		});
		return json(200, exported);
	}

	/** Liveness only: telemetry fields are refused (PAP zombie prevention). */
	heartbeat(req) {
		const body = strictJson(req);
		const { mode, uptime_seconds, timestamp } = body;
		if (!mode || uptime_seconds === undefined) {
			return error(400, 'Fields "mode" and "uptime_seconds" are required');
		}
		if (!MODES.includes(mode)) return error(400, `Invalid mode. Must be one of: ${MODES.join(', ')}`);
		const now = this.ctx.clock.now();
		if (timestamp !== undefined) {
			// An unreadable timestamp is NaN and passes both checks, as on the real server.
			const sentAt = new Date(timestamp).getTime();
			if (sentAt > now + 5000) return error(400, 'Heartbeat timestamp is in the future');
			const maxAge = 2 * INTERVAL_MS[mode];
			if (now - sentAt > maxAge) {
				return error(400, 'Heartbeat timestamp too old (potential replay attack)', {
					max_age_ms: maxAge,
					received_age_ms: now - sentAt,
				});
			}
		}
		if (typeof uptime_seconds !== 'number' || !Number.isFinite(uptime_seconds) || uptime_seconds < 0) {
			return error(400, 'uptime_seconds must be a non-negative number');
		}
		const telemetry = TELEMETRY_FIELDS.find((field) => field in body);
		if (telemetry) {
			return error(
				400,
				`Field "${telemetry}" not allowed in heartbeat. Use /metrics endpoint for resource telemetry.`,
				{
					zombie_prevention: 'PAP-RFC-001 §8.1 requires strict heartbeat/metrics separation',
				},
			);
		}
		const agent = this.owned(req);
		if (!agent) return notFound();
		const at = new Date(now).toISOString();
		this.history.get(agent.uuid).heartbeats.push({
			id: this.nextId('heartbeat'),
			agent_uuid: agent.uuid,
			mode,
			uptime_seconds,
			timestamp: at,
		});
		agent.last_heartbeat_at = at;
		agent.metadata = { ...(agent.metadata ?? {}), last_heartbeat: at, last_heartbeat_mode: mode };
		let stateTransition = null;
		if (agent.state === 'PROVISIONED') {
			agent.state = 'ACTIVE';
			agent.activated_at = at;
			this.logEvent(agent.uuid, 'ACTIVATED', 'PROVISIONED', 'ACTIVE', {
				triggered_by: 'heartbeat',
				first_heartbeat_mode: mode,
				uptime_seconds,
			});
			stateTransition = { from: 'PROVISIONED', to: 'ACTIVE' };
		}
		return json(200, {
			message: stateTransition ? 'Heartbeat recorded, agent activated' : 'Heartbeat recorded',
			agent_uuid: agent.uuid,
			mode,
			uptime_seconds,
			state_transition: stateTransition,
		});
	}

	/** Resource telemetry: the second channel. */
	metrics(req) {
		const body = strictJson(req);
		const { cpu_percent, memory_mb, requests_handled, custom_metrics } = body;
		if (cpu_percent === undefined || memory_mb === undefined || requests_handled === undefined) {
			return error(400, 'Fields "cpu_percent", "memory_mb", and "requests_handled" are required');
		}
		for (const [name, value] of Object.entries({ cpu_percent, memory_mb, requests_handled })) {
			if (typeof value !== 'number' || value < 0) return error(400, `${name} must be a non-negative number`);
		}
		const agent = this.owned(req);
		if (!agent) return notFound();
		// requests_handled is an integer column: a fraction fails the insert (500).
		if (!Number.isInteger(requests_handled)) throw new Error('invalid input syntax for type integer');
		const at = this.now();
		const cpu = Math.round(cpu_percent);
		const memory = Math.round(memory_mb);
		this.history.get(agent.uuid).metrics.push({
			id: this.nextId('metric'),
			agent_uuid: agent.uuid,
			cpu_percent: cpu,
			memory_mb: memory,
			requests_handled,
			custom_metrics: custom_metrics || {},
			timestamp: at,
		});
		agent.metadata = { ...(agent.metadata ?? {}), last_metrics: at, last_cpu_percent: cpu, last_memory_mb: memory };
		return json(200, {
			message: 'Metrics recorded',
			agent_uuid: agent.uuid,
			cpu_percent: cpu,
			memory_mb: memory,
			requests_handled,
		});
	}

	changeState(req) {
		const body = strictJson(req);
		const { from_state, to_state, timestamp } = body;
		if (!from_state || !to_state) return error(400, 'Fields "from_state" and "to_state" are required');
		if (!STATES.includes(from_state)) return error(400, `Invalid from_state. Must be one of: ${STATES.join(', ')}`);
		if (!STATES.includes(to_state)) return error(400, `Invalid to_state. Must be one of: ${STATES.join(', ')}`);
		const agent = this.owned(req);
		if (!agent) return notFound();
		const current = agent.state;
		if (from_state !== current) {
			return error(409, `State mismatch: client reported from_state '${from_state}' but server has '${current}'`, {
				current_state: current,
				hint: 'Refresh agent state and retry',
			});
		}
		const allowed = TRANSITIONS[current];
		if (!allowed.includes(to_state)) {
			return error(400, `Invalid state transition: ${current} → ${to_state}`, {
				current_state: current,
				allowed_transitions: allowed,
				normative_fsm: 'PAP-RFC-001 §7.2',
			});
		}
		this.setState(agent, to_state);
		this.logEvent(agent.uuid, 'STATE_CHANGE', from_state, to_state, {
			reported_by_agent: true,
			timestamp: timestamp || this.now(),
		});
		return json(200, {
			message: 'State change recorded',
			agent_uuid: agent.uuid,
			from_state,
			to_state,
			current_state: to_state,
		});
	}

	/** Scales the pod to 0 and marks the agent; the state does not change. */
	suspend(req) {
		const { reason = '' } = lenientJson(req);
		const agent = this.owned(req);
		if (!agent) return notFound();
		if (TERMINAL.includes(agent.state)) {
			return error(400, `Agent in state ${agent.state} cannot be suspended`, {
				hint: 'Terminated agents must be deleted and recreated',
			});
		}
		if (agent.metadata?.intentionally_suspended === true) {
			return error(400, 'Agent is already suspended', { hint: 'Use the resume endpoint to bring it back online' });
		}
		if (!agent.kubernetes_deployment) return error(400, 'Agent has no Kubernetes deployment to suspend');
		const kubernetes = this.scale(agent, 0);
		if (!kubernetes.success) return error(500, kubernetes.message);
		const at = this.now();
		agent.metadata = {
			...(agent.metadata ?? {}),
			intentionally_suspended: true,
			suspended_at: at,
			suspended_reason: reason || 'User requested suspension',
			suspended_by: req.userId,
		};
		this.logEvent(agent.uuid, 'SUSPENDED', agent.state, agent.state, {
			triggered_by: req.userId,
			reason,
			kubernetes_deployment: agent.kubernetes_deployment,
			kubernetes_namespace: agent.kubernetes_namespace,
		});
		return json(200, {
			message: 'Agent suspended successfully',
			agent_uuid: agent.uuid,
			suspended: true,
			suspended_at: at,
			kubernetes,
		});
	}

	resume(req) {
		const agent = this.owned(req);
		if (!agent) return notFound();
		if (TERMINAL.includes(agent.state)) {
			return error(400, `Agent in state ${agent.state} cannot be resumed`, {
				hint: 'Terminated agents must be deleted and recreated',
			});
		}
		const metadata = agent.metadata ?? {};
		if (metadata.intentionally_suspended !== true) {
			return error(400, 'Agent is not suspended', { hint: 'This agent is already running or in a different state' });
		}
		if (!agent.kubernetes_deployment) return error(400, 'Agent has no Kubernetes deployment to resume');
		const kubernetes = this.scale(agent, 1);
		if (!kubernetes.success) return error(500, kubernetes.message);
		const previous = agent.state;
		const at = this.now();
		const { intentionally_suspended, suspended_at, suspended_reason, suspended_by, ...rest } = metadata;
		agent.state = 'PROVISIONED';
		agent.last_heartbeat_at = null;
		agent.metadata = {
			...rest,
			resumed_at: at,
			resumed_by: req.userId,
			previous_suspension: { suspended_at, suspended_reason, suspended_by },
		};
		this.logEvent(agent.uuid, 'RESUMED', previous, 'PROVISIONED', {
			triggered_by: req.userId,
			was_suspended_at: suspended_at,
			was_suspended_reason: suspended_reason,
			kubernetes_deployment: agent.kubernetes_deployment,
			kubernetes_namespace: agent.kubernetes_namespace,
		});
		return json(200, {
			message: 'Agent resumed successfully',
			agent_uuid: agent.uuid,
			resumed: true,
			resumed_at: at,
			previous_state: previous,
			new_state: 'PROVISIONED',
			kubernetes,
		});
	}

	restart(req) {
		const force = lenientJson(req).force === true;
		const agent = this.owned(req);
		if (!agent) return notFound();
		const restartable = ['PROVISIONED', 'ACTIVE', 'DRAINING'];
		if (!restartable.includes(agent.state) && !force) {
			return error(400, `Agent in state ${agent.state} cannot be restarted`, {
				restartable_states: restartable,
				hint: 'Use force=true to restart anyway',
			});
		}
		if (!agent.kubernetes_deployment) return error(400, 'Agent has no Kubernetes deployment to restart');
		const kubernetes = this.cluster.has(agent.uuid)
			? { success: true, message: `Deployment ${agent.kubernetes_deployment} restart initiated at ${this.now()}` }
			: { success: false, message: `Failed to restart deployment: ${CLUSTER_DOWN}` };
		if (!kubernetes.success) return error(500, kubernetes.message);
		const previous = agent.state;
		agent.state = 'PROVISIONED';
		agent.last_heartbeat_at = null;
		this.logEvent(agent.uuid, 'RESTARTED', previous, 'PROVISIONED', {
			triggered_by: req.userId,
			force,
			kubernetes_deployment: agent.kubernetes_deployment,
			kubernetes_namespace: agent.kubernetes_namespace,
		});
		return json(200, {
			message: 'Agent restart initiated',
			agent_uuid: agent.uuid,
			previous_state: previous,
			new_state: 'PROVISIONED',
			kubernetes,
		});
	}

	/** ACTIVE → DRAINING only; a failed scale-down does not stop it. */
	shutdown(req) {
		const drain = lenientJson(req).drain_timeout_seconds || 300;
		if (drain < 10 || drain > 3600) return error(400, 'drain_timeout_seconds must be between 10 and 3600');
		const agent = this.owned(req);
		if (!agent) return notFound();
		if (agent.state !== 'ACTIVE') {
			return error(400, `Invalid state transition: ${agent.state} → DRAINING. Agent must be in ACTIVE state.`, {
				current_state: agent.state,
				allowed_states: ['ACTIVE'],
			});
		}
		const kubernetes = agent.kubernetes_deployment
			? this.scale(agent, 0)
			: { success: true, message: 'No Kubernetes deployment' };
		agent.state = 'DRAINING';
		agent.metadata = { ...(agent.metadata ?? {}), drain_started_at: this.now(), drain_timeout_seconds: drain };
		this.logEvent(agent.uuid, 'STATE_CHANGE', 'ACTIVE', 'DRAINING', {
			triggered_by: req.userId,
			drain_timeout_seconds: drain,
			kubernetes_result: kubernetes,
		});
		return json(200, {
			message: 'Agent shutdown initiated. Transitioning to DRAINING state.',
			agent: clone(agent),
			kubernetes,
			drain_timeout_seconds: drain,
		});
	}

	quota(req) {
		const agents = this.profileAgents(req.profile);
		const byState = Object.fromEntries(STATES.map((state) => [state, 0]));
		for (const agent of agents) byState[agent.state]++;
		return json(200, {
			profile: { uuid: req.profile, name: 'Default Workspace', tier: 'free' },
			quota: {
				max_agents: MAX_AGENTS,
				current_agents: agents.length,
				remaining: Math.max(0, MAX_AGENTS - agents.length),
				can_create_more: agents.length < MAX_AGENTS,
			},
			agents_by_state: {
				total: agents.length,
				new: byState.NEW,
				provisioned: byState.PROVISIONED,
				active: byState.ACTIVE,
				draining: byState.DRAINING,
				terminated: byState.TERMINATED,
				killed: byState.KILLED,
				active_total: byState.PROVISIONED + byState.ACTIVE,
			},
			resource_usage: { note: 'Resource metrics aggregation not yet implemented' },
		});
	}

	logs(req) {
		const tail = Math.min(parseInt(req.query.get('tail') || '100'), 1000);
		const agent = this.owned(req);
		if (!agent) return notFound();
		if (!agent.kubernetes_deployment) return error(404, 'No Kubernetes deployment found for this agent');
		if (!this.cluster.has(agent.uuid) || !(tail > 0)) {
			// The cluster could not be asked (or refused the tail): the route still answers 200.
			return json(200, { logs: '', lines: [], error: 'Could not retrieve logs. The pod may not be running yet.' });
		}
		const lines = this.podLog(agent).slice(-tail);
		const logs = lines.map((line) => `${line.timestamp} ${line.message}`).join('\n') + '\n';
		return json(200, { logs, lines, tailLines: tail });
	}

	clusterEvents(req) {
		const agent = this.owned(req);
		if (!agent) return notFound();
		if (!agent.kubernetes_deployment) return error(404, 'No Kubernetes deployment found for this agent');
		if (!this.cluster.has(agent.uuid)) return json(200, { events: [], pods: [], deploymentStatus: null });
		const at = agent.provisioned_at ?? agent.created_at;
		const event = (reason, message, source) => ({
			type: 'Normal',
			reason,
			message,
			count: 1,
			firstTimestamp: at,
			lastTimestamp: at,
			source,
		});
		const pod = `${agent.kubernetes_deployment}-7d9f8b6c5d-x2k4p`;
		return json(200, {
			events: [
				event('Started', 'Started container agent', 'kubelet'),
				event('Pulled', `Container image "${agent.metadata?.image}" already present on machine`, 'kubelet'),
				event('Scheduled', `Successfully assigned agents/${pod} to is-node-1`, 'default-scheduler'),
			],
			pods: [{ name: pod, phase: 'Running', ready: true, restarts: 0 }],
			deploymentStatus: this.deploymentStatus(agent),
		});
	}

	listTemplates(req) {
		const q = req.query;
		const search = (q.get('search') ?? '').toLowerCase();
		const matches = this.templates.filter(
			(t) =>
				(!q.get('category') || t.category === q.get('category')) &&
				(!q.get('tag') || t.tags.includes(q.get('tag'))) &&
				(q.get('featured') !== 'true' || t.is_featured) &&
				(q.get('verified') !== 'true' || t.is_verified) &&
				(!search || [t.name, t.display_name, t.description].some((text) => text.toLowerCase().includes(search))),
		);
		const limit = Math.min(parseInt(q.get('limit') || '20'), 100);
		const offset = parseInt(q.get('offset') || '0');
		const templates = matches.slice(offset, offset + limit).map((t) => ({
			uuid: t.uuid,
			namespace: t.namespace,
			name: t.name,
			version: t.version,
			display_name: t.display_name,
			description: t.description,
			icon_url: null,
			banner_url: null,
			category: t.category,
			tags: t.tags,
			is_verified: t.is_verified,
			is_featured: t.is_featured,
			install_count: t.install_count,
			repository_url: null,
			documentation_url: null,
			created_at: t.created_at,
		}));
		return json(200, { templates, total: matches.length, limit, offset });
	}

	// ── For tests and demos ──────────────────────────────────────────────────

	/**
	 * The cron zombie check (POST /api/agents/zombie-check) on the sandbox clock: ACTIVE agents that
	 * missed ≥2 heartbeat intervals get an UNHEALTHY event, ≥5 are moved to DRAINING (AUTO_DRAINING).
	 * Tests call `sandbox.clock.advance(ms)` and then this.
	 */
	runZombieCheck() {
		const now = this.ctx.clock.now();
		const result = { success: true, checked: 0, unhealthy: 0, drained: 0, timestamp: new Date(now).toISOString() };
		for (const agent of this.agents.values()) {
			// Suspension is intentional: it must not raise zombie alerts.
			if (agent.state !== 'ACTIVE' || agent.metadata?.intentionally_suspended) continue;
			result.checked++;
			if (!agent.last_heartbeat_at) {
				result.unhealthy++;
				this.logUnhealthy(agent.uuid, 'No heartbeat ever received while ACTIVE');
				continue;
			}
			const mode = agent.metadata?.last_heartbeat_mode || 'IDLE';
			const interval = INTERVAL_MS[mode] ?? INTERVAL_MS.IDLE;
			const missed = Math.floor((now - Date.parse(agent.last_heartbeat_at)) / interval);
			if (missed < 2) continue;
			result.unhealthy++;
			this.logUnhealthy(
				agent.uuid,
				`Missed ${missed} heartbeat intervals (mode: ${mode}, interval: ${interval}ms)`,
				missed,
			);
			if (missed >= 5) {
				agent.state = 'DRAINING';
				this.logEvent(agent.uuid, 'AUTO_DRAINING', 'ACTIVE', 'DRAINING', {
					triggered_by: 'zombie_detection',
					missed_intervals: missed,
					last_heartbeat: agent.last_heartbeat_at,
					reason: `Agent unresponsive for ${missed} intervals`,
				});
				result.drained++;
			}
		}
		return result;
	}

	/**
	 * Moves an agent to `to` directly (no FSM check), with the timestamps and the STATE_CHANGE
	 * event the /state route writes. Cheap enough for thousands of calls. Returns the agent.
	 */
	transition(uuid, to, { at = this.now(), eventType = 'STATE_CHANGE', metadata = { triggered_by: 'sandbox' } } = {}) {
		const agent = this.agents.get(uuid);
		if (!agent) throw new Error(`no agent ${uuid}`);
		if (!STATES.includes(to)) throw new Error(`no state ${to}`);
		const from = agent.state;
		this.setState(agent, to, at);
		this.logEvent(uuid, eventType, from, to, metadata, at);
		return clone(agent);
	}

	/** Applies `transition(uuid, to)` right after the agent has been read `afterReads` more times. */
	scheduleTransition(uuid, to, afterReads = 1) {
		const queue = this.scheduled.get(uuid) ?? [];
		queue.push({ afterReads, to });
		this.scheduled.set(uuid, queue);
	}

	/**
	 * Adds an agent without the create route (no quota, no validation): for tests that need many
	 * agents or one in a given state. `deployed: true` gives it a working deployment (logs, suspend…).
	 */
	insertAgent({ name, profile, state = 'NEW', deployed = false, uuid, createdAt, metadata = {} }) {
		const owner = profile ? this.ownerOf(profile) : this.defaultOwner();
		const row = this.insert({
			profile: owner.profile,
			name,
			uuid,
			createdAt,
			metadata: { image: 'nginx:alpine', ...metadata },
		});
		const created = { triggered_by: owner.userId, profile_uuid: owner.profile };
		this.logEvent(row.uuid, 'CREATED', null, 'NEW', created, row.created_at);
		if (deployed) {
			this.cluster.set(row.uuid, 1);
			row.deployment_status = 'RUNNING';
		}
		this.issueModelRouterToken(row);
		if (state !== 'NEW') this.transition(row.uuid, state);
		return clone(row);
	}

	/** A copy of an agent row as stored (model_router_token included), or undefined. */
	agent(uuid) {
		const agent = this.agents.get(uuid);
		return agent && clone(agent);
	}

	/** Three agents with fixed ids (SEEDED): ACTIVE with telemetry, PROVISIONED, TERMINATED. */
	seed() {
		const ago = (minutes) => new Date(this.ctx.clock.now() - minutes * MINUTE).toISOString();
		const provisioned = (name) => ({ triggered_by: 'system', kubernetes_deployment: name });
		const worker = this.insertAgent({
			uuid: SEEDED.active,
			name: 'sandbox-worker',
			deployed: true,
			createdAt: ago(120),
			metadata: { description: 'Seeded agent that is up and sending heartbeats' },
		});
		this.transition(worker.uuid, 'PROVISIONED', {
			at: ago(119),
			eventType: 'PROVISIONED',
			metadata: provisioned(worker.name),
		});
		this.transition(worker.uuid, 'ACTIVE', {
			at: ago(118),
			eventType: 'ACTIVATED',
			metadata: { triggered_by: 'heartbeat', first_heartbeat_mode: 'IDLE', uptime_seconds: 60 },
		});
		const history = this.history.get(worker.uuid);
		for (const [minutes, uptime] of [
			[2, 7080],
			[1.5, 7110],
			[1, 7140],
			[0.5, 7170],
		]) {
			const heartbeat = { mode: 'IDLE', uptime_seconds: uptime, timestamp: ago(minutes) };
			history.heartbeats.push({ id: this.nextId('heartbeat'), agent_uuid: worker.uuid, ...heartbeat });
		}
		for (const [minutes, cpu, memory, handled] of [
			[2, 12, 180, 410],
			[1, 9, 184, 452],
		]) {
			history.metrics.push({
				id: this.nextId('metric'),
				agent_uuid: worker.uuid,
				cpu_percent: cpu,
				memory_mb: memory,
				requests_handled: handled,
				custom_metrics: { queue_depth: 2 },
				timestamp: ago(minutes),
			});
		}
		const row = this.agents.get(worker.uuid);
		row.last_heartbeat_at = ago(0.5);
		row.metadata = { ...row.metadata, last_heartbeat: row.last_heartbeat_at, last_heartbeat_mode: 'IDLE' };

		const standby = this.insertAgent({
			uuid: SEEDED.provisioned,
			name: 'sandbox-standby',
			deployed: true,
			createdAt: ago(60),
		});
		this.transition(standby.uuid, 'PROVISIONED', {
			at: ago(59),
			eventType: 'PROVISIONED',
			metadata: provisioned(standby.name),
		});

		const retired = this.insertAgent({ uuid: SEEDED.terminated, name: 'sandbox-retired', createdAt: ago(90) });
		this.transition(retired.uuid, 'PROVISIONED', {
			at: ago(89),
			eventType: 'PROVISIONED',
			metadata: provisioned(retired.name),
		});
		this.transition(retired.uuid, 'TERMINATED', {
			at: ago(30),
			eventType: 'TERMINATED',
			metadata: { triggered_by: this.defaultOwner().userId },
		});
		// An old agent whose deployment is gone: logs and events answer 404.
		this.agents.get(retired.uuid).kubernetes_deployment = null;
	}

	// ── Internals ────────────────────────────────────────────────────────────

	now() {
		return this.ctx.clock.iso();
	}

	defaultOwner() {
		return this.ctx.owners.get(this.ctx.sandbox.apiKey);
	}

	ownerOf(profile) {
		return (
			[...this.ctx.owners.values()].find((owner) => owner.profile === profile) ?? { profile, userId: 'user-unknown' }
		);
	}

	profileAgents(profile) {
		return [...this.agents.values()].filter((agent) => agent.profile_uuid === profile);
	}

	/** The request's agent if it belongs to the caller's profile; a non-uuid id fails the cast (500). */
	owned(req) {
		const agent = this.agents.get(uuidCast(req.params.id));
		return agent && agent.profile_uuid === req.profile ? agent : undefined;
	}

	insert({ profile, name, template = null, accessLevel, configValues, metadata, uuid, createdAt }) {
		if (this.names.has(name)) throw new Error(`agent name ${name} is taken`);
		const row = {
			uuid: uuid ?? this.ctx.newId(),
			name,
			dns_name: name,
			profile_uuid: profile,
			template_uuid: template?.uuid ?? null,
			access_level: accessLevel || 'PRIVATE',
			state: 'NEW',
			heartbeat_mode: 'IDLE',
			deployment_status: 'PENDING',
			kubernetes_namespace: 'agents',
			kubernetes_deployment: name,
			model_router_service_uuid: null,
			model_router_token: null,
			model_router_token_issued_at: null,
			model_router_token_revoked: false,
			created_at: createdAt ?? this.now(),
			provisioned_at: null,
			activated_at: null,
			terminated_at: null,
			last_heartbeat_at: null,
			metadata: JSON.parse(JSON.stringify(metadata ?? {})),
			config_values: configValues && typeof configValues === 'object' ? configValues : {},
		};
		this.agents.set(row.uuid, row);
		this.names.add(name);
		this.history.set(row.uuid, { heartbeats: [], metrics: [], events: [] });
		return row;
	}

	/** The model router assigns each agent a JWT after creation: GET returns it, clients must not show it. */
	issueModelRouterToken(row) {
		const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
		const issuedAt = this.ctx.clock.now();
		const claims = { sub: row.uuid, name: row.name, iss: 'plugged.in/model-router', iat: Math.floor(issuedAt / 1000) };
		row.model_router_service_uuid = MODEL_ROUTER_SERVICE;
		row.model_router_token = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.${randomBytes(32).toString('base64url')}`;
		row.model_router_token_issued_at = new Date(issuedAt).toISOString();
	}

	setState(agent, to, at = this.now()) {
		agent.state = to;
		if (to === 'PROVISIONED' && !agent.provisioned_at) agent.provisioned_at = at;
		if (to === 'ACTIVE' && !agent.activated_at) agent.activated_at = at;
		if (TERMINAL.includes(to) && !agent.terminated_at) agent.terminated_at = at;
	}

	logEvent(uuid, type, from, to, metadata, at = this.now()) {
		this.history.get(uuid).events.push({
			id: this.nextId('event'),
			agent_uuid: uuid,
			event_type: type,
			from_state: from,
			to_state: to,
			metadata: JSON.parse(JSON.stringify(metadata)),
			timestamp: at,
		});
	}

	logUnhealthy(uuid, reason, missed) {
		this.logEvent(uuid, 'UNHEALTHY', 'ACTIVE', 'ACTIVE', {
			triggered_by: 'zombie_detection',
			reason,
			missed_intervals: missed,
			error_code: 480,
		});
	}

	/** bigserial ids: the server sends them as strings. */
	nextId(table) {
		return String(++this.ids[table]);
	}

	runScheduled(uuid) {
		const queue = this.scheduled.get(uuid);
		if (!queue) return;
		for (const entry of [...queue]) {
			if (--entry.afterReads > 0) continue;
			queue.splice(queue.indexOf(entry), 1);
			this.transition(uuid, entry.to);
		}
	}

	deploymentStatus(agent) {
		if (!this.cluster.has(agent.uuid)) return null;
		const replicas = this.cluster.get(agent.uuid);
		return {
			ready: true,
			replicas,
			readyReplicas: replicas,
			availableReplicas: replicas,
			updatedReplicas: replicas,
			conditions: [
				{
					type: 'Available',
					status: 'True',
					reason: 'MinimumReplicasAvailable',
					message: 'Deployment has minimum availability.',
				},
			],
		};
	}

	scale(agent, replicas) {
		if (!this.cluster.has(agent.uuid)) return { success: false, message: `Failed to scale agent: ${CLUSTER_DOWN}` };
		this.cluster.set(agent.uuid, replicas);
		return { success: true, message: `Agent ${agent.kubernetes_deployment} scaled to ${replicas} replicas` };
	}

	deleteDeployment(agent) {
		const name = agent.kubernetes_deployment;
		if (!name) return { success: true, message: 'No Kubernetes deployment' };
		const resources = ['deployment', 'service', 'ingress', 'tls-secret'];
		if (this.cluster.delete(agent.uuid)) {
			return { success: true, message: `Agent ${name} deleted successfully`, deletedResources: resources };
		}
		return {
			success: false,
			message: `Agent ${name} partially deleted. Failed: ${resources.join(', ')}`,
			deletedResources: [],
			failedResources: resources,
		};
	}

	podLog(agent) {
		const start = Date.parse(agent.activated_at ?? agent.provisioned_at ?? agent.created_at);
		const messages = [
			`Starting PAP agent ${agent.name}`,
			'Loaded configuration from environment',
			`Listening on :${agent.metadata?.container_port ?? 3000}`,
			'Registered with PAP Station',
		];
		for (const heartbeat of this.history.get(agent.uuid).heartbeats.slice(-40)) {
			messages.push(`Heartbeat sent (mode=${heartbeat.mode}, uptime=${heartbeat.uptime_seconds}s)`);
		}
		return messages.map((message, i) => ({
			timestamp: new Date(start + i * 1000).toISOString().replace('Z', '000000Z'),
			message,
		}));
	}
}

// ── Create-body policy (APP lib/agent-name-policy.ts, lib/agent-helpers.ts) ─────

const RESERVED_NAMES = new Set(
	(
		'api app admin auth login logout register signup signin dashboard settings profile account user users ' +
		'www mail smtp pop imap ftp ssh vpn proxy cdn static assets media images files ' +
		'blog news help support docs documentation wiki forum community status health metrics monitor logs ' +
		'pap station satellite collector registry hub gateway agent agents cluster clusters node nodes ' +
		'test testing dev development staging prod production demo example sample default system internal ' +
		'private public root null undefined true false'
	).split(' '),
);
const ALLOWED_IMAGE_REGISTRIES = [
	'docker.io/library/',
	'library/',
	'nginxinc/',
	'docker.io/nginxinc/',
	'ghcr.io/veriteknik/',
	'ghcr.io/pluggedin/',
];
const CPU_PATTERN = /^(\d+(\.\d+)?)(m)?$/;
const MEMORY_PATTERN = /^(\d+)(Ki|Mi|Gi|Ti)?$/;
const RESOURCE_FORMATS = {
	cpu_request: [CPU_PATTERN, 'Invalid CPU format (e.g., "100m", "0.5", "1")'],
	memory_request: [MEMORY_PATTERN, 'Invalid memory format (e.g., "256Mi", "1Gi")'],
	cpu_limit: [CPU_PATTERN, 'Invalid CPU format (e.g., "1000m", "0.5", "2")'],
	memory_limit: [MEMORY_PATTERN, 'Invalid memory format (e.g., "1Gi", "512Mi")'],
};
const MAX_MEMORY_GI = 16;
const MAX_CPU_CORES = 8;
const SENSITIVE_KEY_PATTERNS = [
	'api_key',
	'apikey',
	'secret',
	'token',
	'password',
	'passwd',
	'credential',
	'private',
	'auth',
	'bearer',
	'jwt',
	'session',
	'cookie',
];

function validateAgentName(rawName) {
	if (!rawName || typeof rawName !== 'string') return { ok: false, message: 'Name is required' };
	const name = rawName.toLowerCase().trim();
	if (name.length < 2 || name.length > 63) return { ok: false, message: 'Name must be between 2 and 63 characters' };
	if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name)) {
		return {
			ok: false,
			message:
				'Name must be DNS-safe: lowercase letters, numbers, and hyphens only. Must start and end with a letter or number.',
		};
	}
	if (name.includes('--')) return { ok: false, message: 'Name cannot contain consecutive hyphens' };
	if (RESERVED_NAMES.has(name)) return { ok: false, message: `Name '${name}' is reserved and cannot be used` };
	return { ok: true, normalizedName: name };
}

/** zod's `flatten()` of the resources schema, then the maximums and request ≤ limit. */
function resourcesProblem(resources) {
	if (resources === undefined) return undefined;
	const kind = resources === null ? 'null' : Array.isArray(resources) ? 'array' : typeof resources;
	if (kind !== 'object') {
		return error(400, 'Invalid resource specification', {
			details: { formErrors: [`Expected object, received ${kind}`], fieldErrors: {} },
		});
	}
	const fieldErrors = {};
	for (const [field, [pattern, message]] of Object.entries(RESOURCE_FORMATS)) {
		const value = resources[field];
		if (value === undefined) continue;
		if (typeof value !== 'string') fieldErrors[field] = [`Expected string, received ${typeof value}`];
		else if (!pattern.test(value)) fieldErrors[field] = [message];
	}
	if (Object.keys(fieldErrors).length) {
		return error(400, 'Invalid resource specification', { details: { formErrors: [], fieldErrors } });
	}
	const limitError = resourceLimitError(resources);
	return limitError ? error(400, limitError) : undefined;
}

function resourceLimitError(resources) {
	for (const field of ['memory_request', 'memory_limit']) {
		if (resources[field] && memoryBytes(resources[field]) > MAX_MEMORY_GI * 1024 ** 3) {
			return `${field} exceeds maximum of ${MAX_MEMORY_GI}Gi`;
		}
	}
	for (const field of ['cpu_request', 'cpu_limit']) {
		if (resources[field] && millicores(resources[field]) > MAX_CPU_CORES * 1000) {
			return `${field} exceeds maximum of ${MAX_CPU_CORES} cores`;
		}
	}
	const { memory_request, memory_limit, cpu_request, cpu_limit } = resources;
	if (memory_request && memory_limit && memoryBytes(memory_request) > memoryBytes(memory_limit)) {
		return 'memory_request cannot exceed memory_limit';
	}
	if (cpu_request && cpu_limit && millicores(cpu_request) > millicores(cpu_limit)) {
		return 'cpu_request cannot exceed cpu_limit';
	}
	return undefined;
}

function memoryBytes(value) {
	const [, number, unit = ''] = /^(\d+)(Ki|Mi|Gi|Ti)?$/.exec(value);
	return Number(number) * 1024 ** ['', 'Ki', 'Mi', 'Gi', 'Ti'].indexOf(unit);
}

function millicores(value) {
	const [, number, , milli] = CPU_PATTERN.exec(value);
	return milli ? Number(number) : Number(number) * 1000;
}

function envProblem(env) {
	if (env === undefined || env === null) return undefined;
	if (typeof env !== 'object') return error(400, 'env_overrides must be an object');
	if (JSON.stringify(env).length > 65536) return error(400, 'env_overrides exceeds maximum size of 64KB');
	for (const [key, value] of Object.entries(env)) {
		const keyError = envKeyError(key);
		if (keyError) return error(400, keyError);
		if (value === null || value === undefined) continue;
		const text = String(value);
		if (/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/.test(text)) {
			return error(400, `Invalid characters in env_overrides value for key '${key}'`);
		}
		if (text.length > 8192) return error(400, `env_overrides value for key '${key}' exceeds maximum size of 8KB`);
	}
	return undefined;
}

function envKeyError(key) {
	if (!key || key.trim() === '') return 'Environment variable key cannot be empty';
	if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
		return `Invalid environment variable key '${key}'. Must start with a letter or underscore and contain only letters, numbers, and underscores.`;
	}
	if (['PORT', 'NODE_ENV', 'HOME', 'PATH', 'USER'].includes(key)) {
		return `Environment variable '${key}' is protected and cannot be overwritten`;
	}
	const prefix = ['PAP_', 'PLUGGEDIN_', 'AGENT_'].find((candidate) => key.startsWith(candidate));
	return prefix ? `Environment variables starting with '${prefix}' are protected and cannot be overwritten` : undefined;
}

/** Access level, name, image or template, image registry, config values: in the server's order. */
function createFieldsProblem(body, template) {
	const { access_level, name, image, template_uuid, config_values } = body;
	if (access_level !== undefined && !['PRIVATE', 'PUBLIC'].includes(access_level)) {
		return error(400, 'Invalid access_level. Must be one of: PRIVATE, PUBLIC');
	}
	const named = validateAgentName(name);
	if (!named.ok) return error(400, named.message);
	const resolvedImage = image || template?.docker_image;
	if (!resolvedImage && !template_uuid) return error(400, 'Either template_uuid or image must be provided');
	const imageError = resolvedImage ? containerImageError(resolvedImage) : undefined;
	if (imageError) return error(400, imageError);
	return configValuesProblem(config_values, template);
}

function containerImageError(image) {
	if (!image || typeof image !== 'string' || image.trim() === '') return 'Image must be a non-empty string';
	const normalized = image.trim().toLowerCase();
	if (normalized.includes('..') || normalized.includes('//')) return 'Invalid image reference format';
	const allowed = ALLOWED_IMAGE_REGISTRIES.some((registry) => normalized.startsWith(registry));
	const official = !normalized.includes('/');
	if (!allowed && !official) {
		return `Image must be from an allowed registry. Allowed: ${ALLOWED_IMAGE_REGISTRIES.slice(0, 3).join(', ')}...`;
	}
	if (official && !/^[a-z0-9]+([._-][a-z0-9]+)*(:[a-z0-9._-]+)?(@sha256:[a-f0-9]+)?$/.test(normalized)) {
		return 'Invalid image name format';
	}
	return undefined;
}

/** [UNC] config_values against the template's `configurable` schema (key → type); custom agents keep theirs. */
function configValuesProblem(values, template) {
	if (values === undefined || values === null) return undefined;
	if (typeof values !== 'object' || Array.isArray(values)) return error(400, 'config_values must be an object');
	if (!template) return undefined;
	for (const [key, value] of Object.entries(values)) {
		const type = template.configurable[key];
		if (!type) return error(400, `Unknown config key '${key}' for template ${template.namespace}/${template.name}`);
		if (typeof value !== type) return error(400, `Config value '${key}' must be a ${type}`);
	}
	return undefined;
}

/** What export does to metadata: sensitive-looking keys become "[REDACTED]". */
function redactSensitiveMetadata(metadata) {
	if (!metadata) return {};
	const redacted = {};
	for (const [key, value] of Object.entries(metadata)) {
		const lower = key.toLowerCase();
		if (SENSITIVE_KEY_PATTERNS.some((pattern) => lower.includes(pattern))) redacted[key] = '[REDACTED]';
		else if (value && typeof value === 'object' && !Array.isArray(value))
			redacted[key] = redactSensitiveMetadata(value);
		else if (Array.isArray(value)) {
			redacted[key] = value.map((item) =>
				item && typeof item === 'object' && !Array.isArray(item) ? redactSensitiveMetadata(item) : item,
			);
		} else redacted[key] = value;
	}
	return redacted;
}

/** The columns GET /api/agents selects (no token, no config values). */
const LIST_COLUMNS = [
	'uuid',
	'name',
	'dns_name',
	'state',
	'access_level',
	'template_uuid',
	'heartbeat_mode',
	'deployment_status',
	'kubernetes_namespace',
	'kubernetes_deployment',
	'created_at',
	'provisioned_at',
	'activated_at',
	'terminated_at',
	'last_heartbeat_at',
	'metadata',
];

function listColumns(agent) {
	return clone(Object.fromEntries(LIST_COLUMNS.map((column) => [column, agent[column]])));
}

function templateSummary(template) {
	const { uuid, namespace, name, version, display_name } = template;
	return { uuid, namespace, name, version, display_name };
}

function newest(rows, limit) {
	return clone(rows.slice(-limit).reverse());
}

const clone = (value) => structuredClone(value);
const notFound = () => error(404, 'Agent not found');

/** Postgres casts the id to uuid: anything else throws, and the route answers its 500. */
function uuidCast(id) {
	if (typeof id !== 'string' || !UUID.test(id)) throw new Error(`invalid input syntax for type uuid: "${id}"`);
	return id.toLowerCase();
}

/** `await request.json()`: an empty or malformed body throws (the route's 500). */
function strictJson(req) {
	const body = req.json();
	if (body === undefined) throw new Error('Unexpected end of JSON input');
	return body;
}

/** Routes whose body is optional read it in a try/catch. */
function lenientJson(req) {
	try {
		const body = req.json();
		return body && typeof body === 'object' ? body : {};
	} catch {
		return {};
	}
}

module.exports = { AgentsArea, SEEDED_AGENTS: SEEDED, AGENT_TEMPLATES: TEMPLATES, RESERVED_NAMES, TRANSITIONS };
