'use strict';
// Contract §5: state changes along the machine, suspend, resume, restart and shutdown.
const { error, json } = require('../../http');
const { STATES, TRANSITIONS, TERMINAL, CLUSTER_DOWN } = require('./rules');
const { clone, notFound, strictJson, lenientJson } = require('./rows');

class AgentLifecycleRoutes {
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
}

module.exports = { AgentLifecycleRoutes };
