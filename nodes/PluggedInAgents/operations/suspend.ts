import type { Operation } from '../../shared/operations';
import { agentPath, withoutSecrets } from '../../shared/resources/agents';
import { AGENT_LOCATOR, readAgentId } from '../fields';
import { explainCluster } from '../lifecycle';
import { agentRequest } from '../request';

export const suspend: Operation = {
	option: {
		name: 'Suspend',
		value: 'suspend',
		description: 'Pause an agent: its pod is scaled to 0, its state stays, no zombie alerts; Resume brings it back',
		action: 'Suspend an agent',
	},
	fields: [
		AGENT_LOCATOR,
		{
			displayName: 'Reason',
			name: 'reason',
			type: 'string',
			default: '',
			placeholder: 'Maintenance window',
			description: 'Why the agent is paused, kept in its metadata and lifecycle event',
		},
	],
	async execute(call) {
		const agentId = readAgentId(call);
		const reason = String(call.ctx.getNodeParameter('reason', call.itemIndex, '')).trim();
		const result = await agentRequest(
			call,
			{
				method: 'POST',
				path: agentPath(agentId, 'suspend'),
				body: reason ? { reason } : {},
				resource: `agent ${agentId}`,
			},
			explainCluster,
		);
		return withoutSecrets(result);
	},
};
