import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idLocator } from '../shared/fields';
import { NOTIFICATION_ID_PATTERN } from '../shared/resources/notifications';
import { failInvalid } from '../shared/validate';

const UUID = new RegExp(NOTIFICATION_ID_PATTERN);

export const NOTIFICATION_ID: INodeProperties = {
	...idLocator({
		name: 'notificationId',
		displayName: 'Notification',
		searchMethod: 'searchNotifications',
		idPattern: NOTIFICATION_ID_PATTERN,
		idError: 'A notification ID is a UUID, such as 3f2b9c4e-8a1d-4e5f-9b6a-0c1d2e3f4a5b',
	}),
	description: 'The notification: pick it from the newest 100, or give its ID (the "id" of Get Many or the trigger)',
};

/**
 * The Notification parameter (picked or typed) as a lower-case UUID. Checked before sending: the
 * server answers any other id with a 400.
 */
export function readNotificationId(ctx: IExecuteFunctions, itemIndex: number): string {
	const raw = ctx.getNodeParameter('notificationId', itemIndex, '') as unknown;
	const value = String(
		(typeof raw === 'object' && raw !== null ? (raw as { value?: unknown }).value : raw) ?? '',
	).trim();
	if (UUID.test(value)) return value.toLowerCase();
	const problem = value ? `"${value.slice(0, 80)}" is not a notification ID` : 'is required';
	return failInvalid(
		ctx.getNode(),
		`"Notification" (notificationId): ${problem}: give the UUID from the notification list, such as 3f2b9c4e-8a1d-4e5f-9b6a-0c1d2e3f4a5b`,
		itemIndex,
	);
}
