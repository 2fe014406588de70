import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { executeOperation, operationProperties } from '../shared/operations';
import { searchAgents } from '../shared/resources/agents';
import { operations } from './operations';

export class PluggedInAgents implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Plugged.in Agents',
		name: 'pluggedInAgents',
		icon: { light: 'file:../shared/pluggedin.svg', dark: 'file:../shared/pluggedin.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"]}}',
		description: 'Create and run PAP agents on Plugged.in: lifecycle, heartbeats, metrics, quota and logs',
		defaults: { name: 'Plugged.in Agents' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'pluggedInApi', required: true }],
		properties: operationProperties(operations, 'get'),
	};

	methods = { listSearch: { searchAgents } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperation(this, operations);
	}
}
