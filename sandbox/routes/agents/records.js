'use strict';
// Contract §5: list, create, read, update, delete, export, quota and templates.
const { error, json } = require('../../http');
const { STATES, MAX_AGENTS, CLUSTER_DOWN } = require('./rules');
const {
	validateAgentName,
	resourcesProblem,
	envProblem,
	createFieldsProblem,
	redactSensitiveMetadata,
} = require('./validators');
const {
	listColumns,
	templateSummary,
	newest,
	clone,
	notFound,
	profileUuid,
	uuidCast,
	strictJson,
	lenientJson,
} = require('./rows');

class AgentRecordRoutes {
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
			profile_uuid: profileUuid(req.profile),
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

	quota(req) {
		const agents = this.profileAgents(req.profile);
		const byState = Object.fromEntries(STATES.map((state) => [state, 0]));
		for (const agent of agents) byState[agent.state]++;
		return json(200, {
			profile: { uuid: profileUuid(req.profile), name: 'Default Workspace', tier: 'free' },
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
}

module.exports = { AgentRecordRoutes };
