import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { executeOperation } from '../shared/operations';
import { operationSubtitle, resourceProperties } from '../shared/resource';
import { searchAgents } from '../shared/resources/agents';
import { operations } from './operations';

export class PluggedInAgents implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Plugged.in Agents',
		name: 'pluggedInAgents',
		icon: { light: 'file:agents.svg', dark: 'file:agents.dark.svg' },
		group: ['transform'],
		// 2: a Resource selector, so n8n names a new node after its action; Send Heartbeat's Mode is
		// `heartbeatMode` (n8n's editor lists a top-level `mode` option's values as actions).
		version: [1, 2],
		defaultVersion: 2,
		subtitle: operationSubtitle(operations),
		description: 'Create and run PAP agents on Plugged.in: lifecycle, heartbeats, metrics, quota and logs',
		defaults: { name: 'Plugged.in Agents' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'pluggedInApi', required: true }],
		properties: resourceProperties({ name: 'Agent', value: 'agent' }, operations, 'get'),
	};

	methods = { listSearch: { searchAgents } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperation(this, operations);
	}
}
