import { z } from 'zod';

import type { Operation } from '../../shared/operations';
import { agentPath, withoutSecrets } from '../../shared/resources/agents';
import { validate } from '../../shared/validate';
import { AGENT_LOCATOR, readAgentId } from '../fields';
import { agentRequest } from '../request';

const schema = z.object({ drainTimeoutSeconds: z.number().int('must be a whole number').min(10).max(3600) });

export const shutdown: Operation = {
	option: {
		name: 'Shutdown',
		value: 'shutdown',
		description: 'Drain an active agent gracefully: ACTIVE → DRAINING, its pod scaled to 0',
		action: 'Shut down an agent',
	},
	fields: [
		AGENT_LOCATOR,
		{
			displayName: 'Drain Timeout (Seconds)',
			name: 'drainTimeoutSeconds',
			type: 'number',
			typeOptions: { minValue: 10, maxValue: 3600 },
			default: 300,
			description: 'How long the agent may take to finish its work (10-3600)',
		},
	],
	async execute(call) {
		const { ctx, node, itemIndex } = call;
		const agentId = readAgentId(call);
		const input = validate(
			node,
			schema,
			{ drainTimeoutSeconds: ctx.getNodeParameter('drainTimeoutSeconds', itemIndex) },
			itemIndex,
		);
		const result = await agentRequest(call, {
			method: 'POST',
			path: agentPath(agentId, 'shutdown'),
			body: { drain_timeout_seconds: input.drainTimeoutSeconds },
			resource: `agent ${agentId}`,
		});
		return withoutSecrets(result);
	},
};
