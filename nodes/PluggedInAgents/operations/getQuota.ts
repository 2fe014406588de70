import type { Operation } from '../../shared/operations';
import { withoutSecrets } from '../../shared/resources/agents';
import { agentRequest } from '../request';

export const getQuota: Operation = {
	option: {
		name: 'Get Quota',
		value: 'getQuota',
		description: 'How many agents the profile has (by state) and may still create; TERMINATED agents count too',
		action: 'Get the agent quota',
	},
	fields: [],
	async execute(call) {
		return withoutSecrets(await agentRequest(call, { method: 'GET', path: '/api/agents/quota' }));
	},
};
