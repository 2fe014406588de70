import { z } from 'zod';

import { jsonField } from '../../shared/fields';
import { parseJsonObject } from '../../shared/json';
import type { Operation } from '../../shared/operations';
import { agentPath, withoutSecrets } from '../../shared/resources/agents';
import { readParameters, validate } from '../../shared/validate';
import { AGENT_LOCATOR, readAgentId } from '../fields';
import { agentRequest } from '../request';

const schema = z.object({
	cpuPercent: z.number().finite().min(0, 'cannot be negative'),
	memoryMb: z.number().finite().min(0, 'cannot be negative'),
	// An integer column on the server: a fraction would fail there with a 500.
	requestsHandled: z.number().int('must be a whole number').min(0, 'cannot be negative'),
	customMetrics: z.unknown(),
});

/** Resource telemetry: the second channel of PAP, apart from heartbeats. */
export const sendMetrics: Operation = {
	option: {
		name: 'Send Metrics',
		value: 'sendMetrics',
		description: "Report an agent's resource use (CPU, memory, requests), apart from its heartbeats",
		action: 'Send metrics',
	},
	fields: [
		AGENT_LOCATOR,
		{
			displayName: 'CPU (%)',
			name: 'cpuPercent',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: 0,
			description: 'CPU use in percent (above 100 on several cores); the server rounds it to a whole number',
		},
		{
			displayName: 'Memory (MB)',
			name: 'memoryMb',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: 0,
			description: 'Memory use in megabytes; the server rounds it to a whole number',
		},
		{
			displayName: 'Requests Handled',
			name: 'requestsHandled',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 0 },
			default: 0,
			description: 'Requests handled since the agent started (a whole number)',
		},
		jsonField('customMetrics', 'Custom Metrics', 'Application metrics as a JSON object, e.g. {"queue_depth": 3}'),
	],
	async execute(call) {
		const { node, itemIndex } = call;
		const agentId = readAgentId(call);
		const params = readParameters(call.ctx, call.itemIndex, {
			cpuPercent: 0,
			memoryMb: 0,
			requestsHandled: 0,
			customMetrics: '',
		});
		const input = validate(node, schema, params, itemIndex);
		const body = {
			cpu_percent: input.cpuPercent,
			memory_mb: input.memoryMb,
			requests_handled: input.requestsHandled,
			custom_metrics: parseJsonObject(node, 'customMetrics', input.customMetrics, itemIndex),
		};
		const result = await agentRequest(call, {
			method: 'POST',
			path: agentPath(agentId, 'metrics'),
			body,
			resource: `agent ${agentId}`,
		});
		return withoutSecrets(result);
	},
};
