import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { toIsoZ } from '../../shared/dates';
import type { Operation } from '../../shared/operations';
import { agentPath, withoutSecrets } from '../../shared/resources/agents';
import { readParameters, validate } from '../../shared/validate';
import { AGENT_LOCATOR, readAgentId } from '../fields';
import { agentRequest } from '../request';

const schema = z.object({
	mode: z.enum(['EMERGENCY', 'IDLE', 'SLEEP']),
	uptimeSeconds: z.number().finite().min(0, 'cannot be negative'),
	timestamp: z
		.unknown()
		.transform((value) => (value === undefined || value === '' ? undefined : (toIsoZ(value) ?? null)))
		.refine((value) => value !== null, 'is not a date'),
});

/**
 * Liveness only: mode and uptime. Resource telemetry goes through Send Metrics, a separate
 * channel; the server refuses a heartbeat that carries any, so this operation has no such field.
 */
export const sendHeartbeat: Operation = {
	option: {
		name: 'Send Heartbeat',
		value: 'sendHeartbeat',
		description: 'Report that an agent is alive (liveness only); the first heartbeat activates a provisioned agent',
		action: 'Send a heartbeat',
	},
	fields: [
		AGENT_LOCATOR,
		// Version 1 called it `mode`; n8n's editor turns a top-level `mode` option list into actions.
		...[{ name: 'mode', '@version': [1] }, { name: 'heartbeatMode', '@version': [{ _cnd: { gte: 2 } }] }].map(
			({ name, '@version': version }): INodeProperties => ({
				displayName: 'Mode',
				name,
				type: 'options',
				options: [
					{ name: 'Emergency', value: 'EMERGENCY', description: 'Heartbeat every 5 seconds' },
					{ name: 'Idle', value: 'IDLE', description: 'Heartbeat every 30 seconds' },
					{ name: 'Sleep', value: 'SLEEP', description: 'Heartbeat every 15 minutes' },
				],
				default: 'IDLE',
				description: 'The interval the agent promises; missing 2 intervals marks it unhealthy, 5 drains it',
				displayOptions: { show: { '@version': version } },
			}),
		),
		{
			displayName: 'Uptime (Seconds)',
			name: 'uptimeSeconds',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'How long the agent has been running',
		},
	],
	options: [
		{
			displayName: 'Timestamp',
			name: 'timestamp',
			type: 'dateTime',
			default: '',
			description:
				'When the heartbeat was taken. Empty: when it is sent. The server refuses one more than 5 s ahead or older than 2 intervals of the mode.',
		},
	],
	async execute(call) {
		const { ctx, node, itemIndex } = call;
		const agentId = readAgentId(call);
		const { mode, heartbeatMode, uptimeSeconds } = readParameters(ctx, itemIndex, {
			mode: 'IDLE',
			heartbeatMode: '',
			uptimeSeconds: 0,
		});
		const params = {
			// Version 2 saves it as heartbeatMode: a top-level "mode" becomes bogus actions in the editor.
			mode: node.typeVersion >= 2 ? heartbeatMode : mode,
			uptimeSeconds,
			timestamp: ctx.getNodeParameter('options.timestamp', itemIndex, ''),
		};
		const input = validate(node, schema, params, itemIndex);
		const body: IDataObject = { mode: input.mode, uptime_seconds: input.uptimeSeconds, timestamp: input.timestamp };
		const result = await agentRequest(call, {
			method: 'POST',
			path: agentPath(agentId, 'heartbeat'),
			body,
			resource: `agent ${agentId}`,
		});
		const transition = result.state_transition as { to?: string } | null | undefined;
		return withoutSecrets({ ...result, activated: transition?.to === 'ACTIVE' });
	},
};
