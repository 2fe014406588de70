import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { executeOperation, operationProperties } from '../shared/operations';
import { operations } from './operations';

export class PluggedInClipboard implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Plugged.in Clipboard',
		name: 'pluggedInClipboard',
		icon: { light: 'file:../shared/pluggedin.svg', dark: 'file:../shared/pluggedin.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"]}}',
		description: 'Key-value and stack memory for workflows and AI agents, kept in Plugged.in',
		defaults: { name: 'Plugged.in Clipboard' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'pluggedInApi', required: true }],
		properties: operationProperties(operations, 'get'),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperation(this, operations);
	}
}
