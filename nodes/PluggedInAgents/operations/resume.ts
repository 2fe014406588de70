import type { Operation } from '../../shared/operations';
import { agentPath, withoutSecrets } from '../../shared/resources/agents';
import { AGENT_LOCATOR, readAgentId } from '../fields';
import { explainCluster } from '../lifecycle';
import { agentRequest } from '../request';

export const resume: Operation = {
	option: {
		name: 'Resume',
		value: 'resume',
		description:
			'Bring a suspended agent back: its pod is scaled to 1 and it becomes PROVISIONED until its next heartbeat',
		action: 'Resume an agent',
	},
	fields: [AGENT_LOCATOR],
	async execute(call) {
		const agentId = readAgentId(call);
		const result = await agentRequest(
			call,
			{ method: 'POST', path: agentPath(agentId, 'resume'), resource: `agent ${agentId}` },
			explainCluster,
		);
		return withoutSecrets(result);
	},
};
