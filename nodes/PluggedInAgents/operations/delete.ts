import type { Operation } from '../../shared/operations';
import { agentPath, withoutSecrets } from '../../shared/resources/agents';
import { AGENT_LOCATOR, readAgentId } from '../fields';
import { agentRequest } from '../request';

export const deleteAgent: Operation = {
	option: {
		name: 'Delete',
		value: 'delete',
		description:
			'Terminate an agent and remove its deployment. The agent stays listed as TERMINATED, keeps its name and still counts against the quota.',
		action: 'Delete an agent',
	},
	fields: [AGENT_LOCATOR],
	async execute(call) {
		const agentId = readAgentId(call);
		// A soft delete: sending it again gives the same answer, so the transport may retry it.
		const result = await agentRequest(call, {
			method: 'DELETE',
			path: agentPath(agentId),
			resource: `agent ${agentId}`,
		});
		return withoutSecrets({ agent_uuid: agentId, state: 'TERMINATED', ...result });
	},
};
