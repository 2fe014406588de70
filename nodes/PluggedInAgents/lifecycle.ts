import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { AGENT_STATES } from '../shared/resources/agents';
import { AGENT_LOCATOR, STATE_OPTIONS } from './fields';
import type { Explain } from './request';

/**
 * Suspend, Resume and Restart act on the agent's Kubernetes deployment first: when the cluster
 * refuses, the server answers 500 with the cluster's message and changes nothing.
 */
export const explainCluster: Explain = (status, body) => {
	const message = typeof body.error === 'string' ? body.error : '';
	if (status === 500 && /^Failed to (scale agent|restart deployment)/.test(message)) {
		return {
			description:
				"Plugged.in could not reach the agent's Kubernetes deployment, so the agent was not changed. An agent whose deployment failed at creation (deployment.success false) cannot be suspended, resumed or restarted; try again later or recreate it.",
		};
	}
	if (status === 400 && message === 'Agent is not suspended') {
		return {
			description:
				'Resume only brings back an agent that Suspend scaled to 0; this one is running or in another state, and nothing was changed. Read its state with Get.',
		};
	}
	if (status === 400 && message === 'Agent is already suspended') {
		return { description: 'Nothing was changed. Use Resume to bring it back.' };
	}
	if (status === 400 && message.startsWith('Agent has no Kubernetes deployment')) {
		return { description: 'This agent was never deployed to the cluster, so there is no pod to act on.' };
	}
	return undefined;
};

export const waitSchema = z.object({
	targetState: z.enum(AGENT_STATES),
	timeoutSeconds: z.number().min(1).max(3600),
	pollIntervalSeconds: z.number().min(1, 'must be at least 1 second').max(300),
	outputOnTimeout: z.boolean(),
});

export const WAIT_FIELDS: INodeProperties[] = [
	AGENT_LOCATOR,
	{
		displayName: 'State',
		name: 'targetState',
		type: 'options',
		options: STATE_OPTIONS,
		default: 'ACTIVE',
		description: 'The state to wait for',
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeoutSeconds',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 3600 },
		default: 300,
		description: 'How long to wait at most (up to 1 hour; use a Wait node for longer)',
	},
	{
		displayName: 'Poll Interval (Seconds)',
		name: 'pollIntervalSeconds',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 300 },
		default: 5,
		description: 'Time between two reads of the agent (at least 1 second, so the server is not hammered)',
	},
];

export const WAIT_OPTIONS: INodeProperties[] = [
	{
		displayName: 'Output on Timeout',
		name: 'outputOnTimeout',
		type: 'boolean',
		default: false,
		description: 'Whether to output an item with reached: false instead of failing when the state is not reached',
	},
];
