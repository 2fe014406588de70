import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { executeOperation } from '../shared/operations';
import { operationSubtitle, resourceProperties } from '../shared/resource';
import { searchNotifications } from './listSearch';
import { operations } from './operations';

export class PluggedInNotifications implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Plugged.in Notifications',
		name: 'pluggedInNotifications',
		icon: { light: 'file:notifications.svg', dark: 'file:notifications.dark.svg' },
		group: ['transform'],
		// 2 from the start: the same version, Resource selector and error item shape as the other action nodes.
		version: 2,
		subtitle: operationSubtitle(operations),
		description: 'Send notifications to the Plugged.in inbox (and by email), list them, mark them read or completed',
		defaults: { name: 'Plugged.in Notifications' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'pluggedInApi', required: true }],
		properties: resourceProperties({ name: 'Notification', value: 'notification' }, operations, 'send'),
	};

	methods = { listSearch: { searchNotifications } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperation(this, operations);
	}
}
