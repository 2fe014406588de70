import { z } from 'zod';

import type { Operation } from '../../shared/operations';
import { agentPath, withoutSecrets } from '../../shared/resources/agents';
import { readParameters, validate } from '../../shared/validate';
import { AGENT_LOCATOR, readAgentId } from '../fields';
import { agentRequest } from '../request';

const schema = z.object({
	includeTelemetry: z.boolean(),
	telemetryLimit: z.number().int('must be a whole number').min(1).max(10000).optional(),
});

export const exportAgent: Operation = {
	option: {
		name: 'Export',
		value: 'export',
		description: 'Export an agent (pap-export/1.0): configuration, state, lifecycle events and optionally telemetry',
		action: 'Export an agent',
	},
	fields: [
		AGENT_LOCATOR,
		{
			displayName: 'Include Telemetry',
			name: 'includeTelemetry',
			type: 'boolean',
			default: false,
			description: 'Whether to include the heartbeat and metrics history',
		},
		{
			displayName: 'Telemetry Limit',
			name: 'telemetryLimit',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 10000 },
			default: 100,
			description: 'How many of the newest heartbeats and of the newest metrics to include (1-10000)',
			displayOptions: { show: { includeTelemetry: [true] } },
		},
	],
	async execute(call) {
		const { node, itemIndex } = call;
		const agentId = readAgentId(call);
		const input = validate(
			node,
			schema,
			readParameters(call.ctx, call.itemIndex, { includeTelemetry: false, telemetryLimit: 100 }),
			itemIndex,
		);
		const body = input.includeTelemetry
			? { include_telemetry: true, telemetry_limit: input.telemetryLimit }
			: { include_telemetry: false };
		const exported = await agentRequest(call, {
			method: 'POST',
			path: agentPath(agentId, 'export'),
			body,
			resource: `agent ${agentId}`,
		});
		return withoutSecrets(exported);
	},
};
