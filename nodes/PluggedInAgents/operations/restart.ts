import type { Operation } from '../../shared/operations';
import { agentPath, withoutSecrets } from '../../shared/resources/agents';
import { AGENT_LOCATOR, readAgentId } from '../fields';
import { explainCluster } from '../lifecycle';
import { agentRequest } from '../request';

export const restart: Operation = {
	option: {
		name: 'Restart',
		value: 'restart',
		description: "Restart an agent's pod; it becomes PROVISIONED until its next heartbeat",
		action: 'Restart an agent',
	},
	fields: [
		AGENT_LOCATOR,
		{
			displayName: 'Force',
			name: 'force',
			type: 'boolean',
			default: false,
			description: 'Whether to restart from any state; without it only PROVISIONED, ACTIVE and DRAINING agents restart',
		},
	],
	async execute(call) {
		const agentId = readAgentId(call);
		const force = call.ctx.getNodeParameter('force', call.itemIndex, false) === true;
		const result = await agentRequest(
			call,
			{ method: 'POST', path: agentPath(agentId, 'restart'), body: { force }, resource: `agent ${agentId}` },
			explainCluster,
		);
		return withoutSecrets(result);
	},
};
