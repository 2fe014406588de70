import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listNotifications, MAX_LIST_LIMIT } from '../shared/resources/notifications';
import { PluggedInApi } from '../shared/transport';

/** The Notification picker: the newest 100 (all the server lists), filtered by title or message as the user types. */
export async function searchNotifications(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const api = await PluggedInApi.create(this);
	const { notifications } = await listNotifications(api, { limit: MAX_LIST_LIMIT });
	const needle = (filter ?? '').trim().toLowerCase();
	const results = notifications
		.filter(
			(notification) =>
				!needle ||
				[notification.title, notification.message, notification.id].some((value) =>
					String(value ?? '')
						.toLowerCase()
						.includes(needle),
				),
		)
		.map((notification) => ({
			name: `${notification.title}: ${shorten(String(notification.message ?? ''))}${notification.read ? '' : ' (unread)'}`,
			value: String(notification.id),
			url: `${api.baseUrl}/notifications`,
		}));
	return { results };
}

function shorten(text: string): string {
	const line = text.replace(/\s+/g, ' ').trim();
	return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}
