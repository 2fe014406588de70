import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { executeOperation } from '../shared/operations';
import { operationSubtitle, resourceProperties } from '../shared/resource';
import { operations } from './operations';

export class PluggedInRag implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Plugged.in RAG',
		name: 'pluggedInRag',
		icon: { light: 'file:rag.svg', dark: 'file:rag.dark.svg' },
		group: ['transform'],
		// 2: a Resource selector, so n8n names a new node after its action.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: operationSubtitle(operations),
		description: 'Answer questions from the documents in a Plugged.in library, with their sources',
		defaults: { name: 'Plugged.in RAG' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'pluggedInApi', required: true }],
		properties: resourceProperties({ name: 'Knowledge Base', value: 'knowledgeBase' }, operations, 'ask'),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperation(this, operations);
	}
}
