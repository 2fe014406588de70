'use strict';
// The server's rules for agents: states and their machine, heartbeat modes, quota, rate limits (contract §5).

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

module.exports = {
	STATES,
	TRANSITIONS,
	TERMINAL,
	MODES,
	INTERVAL_MS,
	TELEMETRY_FIELDS,
	MAX_AGENTS,
	MINUTE,
	LIMITS,
	CLUSTER_DOWN,
	MODEL_ROUTER_SERVICE,
};
