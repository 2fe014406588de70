import type { Operation } from '../../shared/operations';
import { notificationPath } from '../../shared/resources/notifications';
import { NOTIFICATION_ID, readNotificationId } from '../fields';

export const markAsRead: Operation = {
	option: {
		name: 'Mark as Read',
		value: 'markAsRead',
		description: 'Mark a notification as read',
		action: 'Mark a notification as read',
	},
	fields: [NOTIFICATION_ID],
	async execute({ ctx, api, itemIndex }) {
		const id = readNotificationId(ctx, itemIndex);
		await api.request({
			method: 'PATCH',
			path: notificationPath(id, '/read'),
			// Marking read twice is the same as once: safe to repeat after a lost answer.
			idempotent: true,
			itemIndex,
			resource: `notification ${id}`,
		});
		return { id, read: true };
	},
};
