import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { executeOperation, operationProperties } from '../shared/operations';
import { searchNotifications } from './listSearch';
import { operations } from './operations';

export class PluggedInNotifications implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Plugged.in Notifications',
		name: 'pluggedInNotifications',
		icon: { light: 'file:../shared/pluggedin.svg', dark: 'file:../shared/pluggedin.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"]}}',
		description: 'Send notifications to the Plugged.in inbox (and by email), list them, mark them read or completed',
		defaults: { name: 'Plugged.in Notifications' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'pluggedInApi', required: true }],
		properties: operationProperties(operations, 'send'),
	};

	methods = { listSearch: { searchNotifications } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperation(this, operations);
	}
}
