import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { executeOperation, operationProperties } from '../shared/operations';
import { searchDocuments } from '../shared/resources/documents';
import { operations } from './operations';

export class PluggedInDocuments implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Plugged.in Documents',
		name: 'pluggedInDocuments',
		icon: { light: 'file:../shared/pluggedin.svg', dark: 'file:../shared/pluggedin.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"]}}',
		description: 'Create, find, update, version and download documents in the Plugged.in library',
		defaults: { name: 'Plugged.in Documents' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'pluggedInApi', required: true }],
		properties: operationProperties(operations, 'getMany'),
	};

	methods = { listSearch: { searchDocuments } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperation(this, operations);
	}
}
