import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { executeOperation } from '../shared/operations';
import { operationSubtitle, resourceProperties } from '../shared/resource';
import { searchDocuments } from '../shared/resources/documents';
import { operations } from './operations';

export class PluggedInDocuments implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Plugged.in Documents',
		name: 'pluggedInDocuments',
		icon: { light: 'file:documents.svg', dark: 'file:documents.dark.svg' },
		group: ['transform'],
		// 2: a Resource selector, so n8n names a new node after its action.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: operationSubtitle(operations),
		description: 'Create, find, update, version and download documents in the Plugged.in library',
		defaults: { name: 'Plugged.in Documents' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'pluggedInApi', required: true }],
		properties: resourceProperties({ name: 'Document', value: 'document' }, operations, 'getMany'),
	};

	methods = { listSearch: { searchDocuments } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperation(this, operations);
	}
}
