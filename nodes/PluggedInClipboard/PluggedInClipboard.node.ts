import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { executeOperation } from '../shared/operations';
import { operationSubtitle, resourceProperties } from '../shared/resource';
import { searchEntries } from '../shared/resources/clipboard';
import { operations } from './operations';

export class PluggedInClipboard implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Plugged.in Clipboard',
		name: 'pluggedInClipboard',
		icon: { light: 'file:clipboard.svg', dark: 'file:clipboard.dark.svg' },
		group: ['transform'],
		// 2: a Resource selector, so n8n names a new node after its action.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: operationSubtitle(operations),
		description: 'Key-value and stack memory for workflows and AI agents, kept in Plugged.in',
		defaults: { name: 'Plugged.in Clipboard' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'pluggedInApi', required: true }],
		properties: resourceProperties({ name: 'Clipboard', value: 'clipboard' }, operations, 'get'),
	};

	methods = { listSearch: { searchEntries } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperation(this, operations);
	}
}
