import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import {
	listNotifications,
	matchesFilters,
	MAX_LIST_LIMIT,
	normaliseNotification,
	type Notification,
	SEVERITIES,
	SEVERITY_AND_TYPE_FILTERS,
} from '../../shared/resources/notifications';
import type { PluggedInApi } from '../../shared/transport';
import { readParameters, validate } from '../../shared/validate';
import { defineEvent } from '../event';
import { advance, EMPTY_WINDOW, oldestFirst, stamp, unseenIn, type SeenWindow } from '../window';

const schema = z.object({
	notificationFilters: z.object({
		onlyUnread: z.boolean().default(false),
		types: z.array(z.string().min(1)).default([]),
		severities: z.array(z.enum(SEVERITIES)).default([]),
	}),
});
type Params = z.output<typeof schema>['notificationFilters'];

/**
 * The newest 100 (all the list gives: no offset, no date filter), oldest first, each with its
 * created_at and id for the window. Equal timestamps keep the order they were made in.
 */
async function newestNotifications(api: PluggedInApi, params: Params) {
	const { notifications } = await listNotifications(api, { onlyUnread: params.onlyUnread, limit: MAX_LIST_LIMIT });
	return oldestFirst(
		[...notifications]
			.reverse()
			.map((notification) => ({ at: stamp(notification.created_at), key: String(notification.id), notification })),
	);
}

function notificationItem(notification: Notification): IDataObject {
	return { event: 'newNotification', ...normaliseNotification(notification) };
}

export const newNotification = defineEvent<Params, SeenWindow>({
	option: {
		name: 'New Notification',
		value: 'newNotification',
		description: 'A notification arrived in the Plugged.in inbox (written by the server, or sent through the API)',
	},
	fields: [
		{
			displayName: 'Filters',
			name: 'notificationFilters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			description: 'Changing them starts the trigger over (the next poll only records)',
			options: [
				{
					displayName: 'Only Unread',
					name: 'onlyUnread',
					type: 'boolean',
					default: true,
					description: 'Whether to skip notifications already marked as read when the trigger polls',
				},
				...SEVERITY_AND_TYPE_FILTERS,
			],
		},
	],
	readParams: (ctx) =>
		validate(ctx.getNode(), schema, readParameters(ctx, undefined, ['notificationFilters'])).notificationFilters,
	stateKey: (params) => params,
	async poll(state, api, params) {
		const newest = await newestNotifications(api, params);
		// First activation: remember what is there, emit nothing.
		if (state === undefined) return { items: [], nextState: advance(EMPTY_WINDOW, newest) };
		const fresh = newest.filter(unseenIn(state));
		// The window moves over every new notification; the type and severity filters only pick the output.
		const items = fresh
			.filter(({ notification }) => matchesFilters(notification, params))
			.map(({ notification }) => notificationItem(notification));
		return { items, nextState: advance(state, fresh) };
	},
	async sample(api, params) {
		const matching = (await newestNotifications(api, params)).filter(({ notification }) =>
			matchesFilters(notification, params),
		);
		const latest = matching.pop();
		return latest && notificationItem(latest.notification);
	},
});
