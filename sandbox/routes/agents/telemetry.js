'use strict';
// Contract §5: heartbeats (liveness only) and metrics (telemetry only), kept apart as PAP requires.
const { error, json } = require('../../http');
const { MODES, INTERVAL_MS, TELEMETRY_FIELDS } = require('./rules');
const { notFound, strictJson } = require('./rows');

class AgentTelemetryRoutes {
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
}

module.exports = { AgentTelemetryRoutes };
