'use strict';
// The pretend Kubernetes cluster: deployments, replicas, logs and events of seeded agents.
const { error, json } = require('../../http');
const { CLUSTER_DOWN } = require('./rules');
const { notFound } = require('./rows');

class AgentCluster {
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

module.exports = { AgentCluster };
