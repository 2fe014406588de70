import type { Operation } from '../../shared/operations';
import { MAX_LIST_LIMIT, normaliseNotification, notificationPath } from '../../shared/resources/notifications';
import { NOTIFICATION_ID, readNotificationId } from '../fields';
import { lookUpNotification } from '../lookup';

export const remove: Operation = {
	option: {
		name: 'Delete',
		value: 'delete',
		description: 'Delete a notification; the output says whether it existed',
		action: 'Delete a notification',
	},
	fields: [NOTIFICATION_ID],
	async execute({ ctx, api, itemIndex }) {
		const id = readNotificationId(ctx, itemIndex);
		// Plugged.in answers 200 for an unknown id too: the list says whether there is anything to delete.
		const current = await lookUpNotification(api, id, itemIndex);
		if (current.status === 'missing') {
			return {
				id,
				deleted: false,
				existed: false,
				reason: 'Plugged.in has no notification with this ID (it may have been deleted already): nothing was sent.',
			};
		}
		await api.request({ method: 'DELETE', path: notificationPath(id), itemIndex, resource: `notification ${id}` });
		if (current.status === 'found') {
			return { ...normaliseNotification(current.notification), deleted: true, existed: true };
		}
		return {
			id,
			deleted: true,
			existed: null,
			reason: `It is not among the newest ${MAX_LIST_LIMIT} notifications, so whether it existed cannot be known: the delete was sent, and Plugged.in answers success either way.`,
		};
	},
};
