import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { executeOperation, operationProperties } from '../shared/operations';
import { operations } from './operations';

export class PluggedInRag implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Plugged.in RAG',
		name: 'pluggedInRag',
		icon: { light: 'file:../shared/pluggedin.svg', dark: 'file:../shared/pluggedin.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"]}}',
		description: 'Answer questions from the documents in a Plugged.in library, with their sources',
		defaults: { name: 'Plugged.in RAG' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'pluggedInApi', required: true }],
		properties: operationProperties(operations, 'ask'),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperation(this, operations);
	}
}
