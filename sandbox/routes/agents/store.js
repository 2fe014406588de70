'use strict';
// The area's data: inserting and changing agents, their events, and the hooks tests and demos use.
const { randomBytes } = require('node:crypto');
const { STATES, TERMINAL, INTERVAL_MS, MINUTE, MODEL_ROUTER_SERVICE } = require('./rules');
const { SEEDED } = require('./seeds');
const { clone, profileUuid, uuidCast } = require('./rows');

class AgentStore {
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
		const created = { triggered_by: owner.userId, profile_uuid: profileUuid(owner.profile) };
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
		return [...this.agents.values()].filter((agent) => agent.profile_uuid === profileUuid(profile));
	}

	/** The request's agent if it belongs to the caller's profile; a non-uuid id fails the cast (500). */
	owned(req) {
		const agent = this.agents.get(uuidCast(req.params.id));
		return agent && agent.profile_uuid === profileUuid(req.profile) ? agent : undefined;
	}

	insert({ profile, name, template = null, accessLevel, configValues, metadata, uuid, createdAt }) {
		if (this.names.has(name)) throw new Error(`agent name ${name} is taken`);
		const row = {
			uuid: uuid ?? this.ctx.newId(),
			name,
			dns_name: name,
			profile_uuid: profileUuid(profile),
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
}

module.exports = { AgentStore };
