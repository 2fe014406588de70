import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import type { Operation } from '../../shared/operations';
import { MAX_LIST_LIMIT, normaliseNotification, notificationPath } from '../../shared/resources/notifications';
import { readParameters, validate } from '../../shared/validate';
import { NOTIFICATION_ID, readNotificationId } from '../fields';
import { lookUpNotification, type Lookup } from '../lookup';

const schema = z.object({ completed: z.boolean() });

export const setCompleted: Operation = {
	option: {
		name: 'Set Completed',
		value: 'setCompleted',
		description: 'Mark a notification as completed or not completed (running it twice gives the same result)',
		action: 'Set a notification completed',
	},
	fields: [
		NOTIFICATION_ID,
		{
			displayName: 'Completed',
			name: 'completed',
			type: 'boolean',
			default: true,
			description: 'Whether the notification is to be completed (on) or open again (off)',
		},
	],
	async execute({ ctx, api, node, itemIndex }) {
		const id = readNotificationId(ctx, itemIndex);
		const { completed } = validate(node, schema, readParameters(ctx, itemIndex, ['completed']), itemIndex);
		// Plugged.in only toggles: the current state decides whether to send anything.
		const current = await lookUpNotification(api, id, itemIndex);
		if (current.status !== 'found') throw notFoundError(node, id, current, itemIndex);
		const notification = normaliseNotification(current.notification);
		if (Boolean(notification.completed) === completed) return { ...notification, changed: false };
		try {
			await api.request({
				method: 'PATCH',
				path: notificationPath(id, '/completed'),
				// A toggle sent again after a lost answer would undo itself: retried on 429 only.
				idempotent: false,
				itemIndex,
				resource: `notification ${id}`,
			});
		} catch (error) {
			// Hands back the same NodeApiError (n8n does not wrap one twice).
			if (!(error instanceof NodeApiError) || /^4\d\d$/.test(error.httpCode ?? '')) {
				throw new NodeApiError(node, error as JsonObject);
			}
			// The answer was lost: look whether the toggle was applied, without sending it again.
			const after = await lookUpNotification(api, id, itemIndex).catch(() => undefined);
			if (after?.status !== 'found' || Boolean(after.notification.completed) !== completed) {
				error.description =
					`${error.description ?? ''} Running Set Completed again is safe: it reads the current state first and toggles only when needed.`.trim();
				// Hands back the same NodeApiError, with the description above.
				throw new NodeApiError(node, error as unknown as JsonObject);
			}
		}
		return { ...notification, completed, changed: true };
	},
};

function notFoundError(node: INode, id: string, lookup: Lookup, itemIndex: number): NodeOperationError {
	if (lookup.status === 'missing') {
		return new NodeOperationError(node, `Plugged.in has no notification ${id}`, {
			itemIndex,
			description: 'Check the ID: it may have been deleted, or belong to another profile. Nothing was changed.',
		});
	}
	return new NodeOperationError(node, `Notification ${id} is not among the newest ${MAX_LIST_LIMIT} notifications`, {
		itemIndex,
		description: `Plugged.in can only toggle "completed", so its current state must be read first, and the API lists only the newest ${MAX_LIST_LIMIT} notifications (and the newest ${MAX_LIST_LIMIT} unread ones). Nothing was changed: set it in the Plugged.in notifications page.`,
	});
}
