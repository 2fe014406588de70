import { z } from 'zod';

import type { Operation } from '../../shared/operations';
import { agentPath, withoutSecrets } from '../../shared/resources/agents';
import { validate } from '../../shared/validate';
import { AGENT_LOCATOR, readAgentId } from '../fields';
import { agentRequest } from '../request';

const schema = z.object({ tail: z.number().int('must be a whole number').min(1).max(1000) });

export const getLogs: Operation = {
	option: {
		name: 'Get Logs',
		value: 'getLogs',
		description:
			"Read the last lines of the agent pod's log. `available` is false, with the server's `reason`, when the pod is not running.",
		action: 'Get the logs of an agent',
	},
	fields: [
		AGENT_LOCATOR,
		{
			displayName: 'Tail',
			name: 'tail',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 1000 },
			default: 100,
			description: 'How many of the last log lines to return (1-1000)',
		},
	],
	async execute(call) {
		const { ctx, node, itemIndex } = call;
		const agentId = readAgentId(call);
		const { tail } = validate(node, schema, { tail: ctx.getNodeParameter('tail', itemIndex) }, itemIndex);
		const logs = await agentRequest(
			call,
			{ method: 'GET', path: agentPath(agentId, 'logs'), qs: { tail }, resource: `agent ${agentId}` },
			(status, body) =>
				status === 404 && body.error !== 'Agent not found'
					? { description: 'The agent has no Kubernetes deployment, so there are no logs to read.' }
					: undefined,
		);
		// Without a running pod the server still answers 200, with an `error` and no lines: that is a state, not data.
		const { error: reason, ...rest } = withoutSecrets(logs);
		return typeof reason === 'string' ? { available: false, reason, ...rest } : { available: true, ...rest };
	},
};
