import type { Operation } from '../../shared/operations';
import { agentPath, withoutSecrets } from '../../shared/resources/agents';
import { AGENT_LOCATOR, readAgentId } from '../fields';
import { agentRequest } from '../request';

export const get: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		description: 'Get an agent with its recent heartbeats, metrics and lifecycle events',
		action: 'Get an agent',
	},
	fields: [AGENT_LOCATOR],
	async execute(call) {
		const agentId = readAgentId(call);
		const details = await agentRequest(call, { method: 'GET', path: agentPath(agentId), resource: `agent ${agentId}` });
		return withoutSecrets(details);
	},
};
