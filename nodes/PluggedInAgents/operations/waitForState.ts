import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import type { Operation } from '../../shared/operations';
import { agentPath, withoutSecrets } from '../../shared/resources/agents';
import { readParameters, validate } from '../../shared/validate';
import { FINAL_STATES, readAgentId } from '../fields';
import { WAIT_FIELDS, WAIT_OPTIONS, waitSchema } from '../lifecycle';
import { agentRequest } from '../request';

/** The SDK's polling loop (get, compare, sleep), with a deadline and a floor on the interval. */
export const waitForState: Operation = {
	option: {
		name: 'Wait For State',
		value: 'waitForState',
		description: 'Poll an agent until it reaches a state (e.g. ACTIVE after its first heartbeat) or a timeout',
		action: 'Wait for an agent state',
	},
	fields: WAIT_FIELDS,
	options: WAIT_OPTIONS,
	async execute(call) {
		const { ctx, node, itemIndex } = call;
		const agentId = readAgentId(call);
		const params = readParameters(call.ctx, call.itemIndex, {
			targetState: 'ACTIVE',
			timeoutSeconds: 300,
			pollIntervalSeconds: 5,
		});
		params.outputOnTimeout = ctx.getNodeParameter('options.outputOnTimeout', itemIndex, false);
		const input = validate(node, waitSchema, params, itemIndex);
		const started = Date.now();
		const deadline = started + input.timeoutSeconds * 1000;
		const spec = { method: 'GET' as const, path: agentPath(agentId), resource: `agent ${agentId}` };
		for (let polls = 1; ; polls++) {
			const agent = ((await agentRequest(call, spec)).agent ?? {}) as IDataObject;
			const state = String(agent.state);
			const waitedSeconds = Math.round((Date.now() - started) / 100) / 10;
			const reached = state === input.targetState;
			const outcome = {
				reached,
				agent_uuid: agentId,
				state,
				targetState: input.targetState,
				waitedSeconds,
				polls,
				agent,
			};
			// A final state never changes again: waiting longer cannot help.
			const final = FINAL_STATES.includes(state as never);
			const remaining = deadline - Date.now();
			if (reached || ((final || remaining <= 0) && input.outputOnTimeout)) return withoutSecrets(outcome);
			if (final || remaining <= 0) {
				const why = final
					? `it is ${state}, a final state`
					: `it was still ${state} after ${waitedSeconds} s (${polls} polls)`;
				throw new NodeOperationError(node, `Agent ${agentId} did not reach ${input.targetState}: ${why}`, {
					itemIndex,
					description: final
						? 'TERMINATED and KILLED agents never change state again.'
						: 'Raise the Timeout, look at the agent (Get, Get Logs), or turn on "Output on Timeout" to go on with reached: false.',
				});
			}
			await sleep(Math.min(input.pollIntervalSeconds * 1000, remaining));
		}
	},
};
