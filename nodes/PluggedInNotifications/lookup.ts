import type { PluggedInApi } from '../shared/transport';
import { listNotifications, MAX_LIST_LIMIT, type Notification } from '../shared/resources/notifications';

/**
 * What the list says about one notification: found, known to be missing, or unknown (the server
 * lists only the newest 100, so an older notification cannot be seen).
 */
export type Lookup = { status: 'found'; notification: Notification } | { status: 'missing' } | { status: 'unknown' };

/**
 * Looks for a notification among the newest 100, then among the newest 100 unread ones (an older
 * unread notification can still be there). One request when it is found or the inbox is small, two at most.
 */
export async function lookUpNotification(api: PluggedInApi, id: string, itemIndex: number): Promise<Lookup> {
	const newest = await listNotifications(api, { limit: MAX_LIST_LIMIT, itemIndex });
	const found = newest.notifications.find((candidate) => String(candidate.id).toLowerCase() === id);
	if (found) return { status: 'found', notification: found };
	if (newest.complete) return { status: 'missing' };
	const unread = await listNotifications(api, { onlyUnread: true, limit: MAX_LIST_LIMIT, itemIndex });
	const foundUnread = unread.notifications.find((candidate) => String(candidate.id).toLowerCase() === id);
	return foundUnread ? { status: 'found', notification: foundUnread } : { status: 'unknown' };
}
