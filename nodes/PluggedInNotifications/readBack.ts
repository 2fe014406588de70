import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import {
	DEFAULT_CUSTOM_TITLE,
	listNotifications,
	normaliseNotification,
	type Notification,
} from '../shared/resources/notifications';
import type { PluggedInApi } from '../shared/transport';

/**
 * The create route answers without an id, so Send finds its notification in the list: the newest 20
 * are read before and after sending, and the new one is a CUSTOM notification with exactly the sent
 * title, message and severity that was not there before. Two reads of 20: cheap, and never a write.
 */
export const READ_BACK_LIMIT = 20;

/** A row can commit a little after a newer one (a slow transaction): one second of slack. */
const SLACK_MS = 1000;

export interface SentNotification {
	title?: string;
	message: string;
	severity: string;
}

export interface Before {
	ids: Set<string>;
	/** created_at of the newest notification before sending (ms), or -Infinity for an empty inbox. */
	newestAt: number;
}

export type Identified = { notification: Notification } | { reason: string; candidateIds?: string[] };

export async function readBefore(api: PluggedInApi, itemIndex: number): Promise<Before> {
	const { notifications } = await listNotifications(api, { limit: READ_BACK_LIMIT, itemIndex });
	return {
		ids: new Set(notifications.map((notification) => String(notification.id))),
		newestAt: Math.max(-Infinity, ...notifications.map(createdAtMs)),
	};
}

/** The sent notification as the list shows it, or why it cannot be told. A failed read is a reason, not an error. */
export async function identifySent(
	api: PluggedInApi,
	sent: SentNotification,
	before: Before,
	itemIndex: number,
): Promise<Identified> {
	let notifications: Notification[];
	try {
		({ notifications } = await listNotifications(api, { limit: READ_BACK_LIMIT, itemIndex }));
	} catch (error) {
		const cause = error instanceof NodeApiError ? error.message : String(error);
		return { reason: `The notification was sent, but reading the list back failed (${cause}).` };
	}
	const title = sent.title || DEFAULT_CUSTOM_TITLE;
	const candidates = notifications.filter(
		(notification) =>
			notification.type === 'CUSTOM' &&
			notification.message === sent.message &&
			notification.title === title &&
			notification.severity === sent.severity &&
			!before.ids.has(String(notification.id)) &&
			// A notification deleted meanwhile lets an older one into the newest 20: it is not new.
			createdAtMs(notification) >= before.newestAt - SLACK_MS,
	);
	if (candidates.length === 1) return { notification: normaliseNotification(candidates[0]) };
	if (candidates.length === 0) {
		return {
			reason: `The notification was sent, but it is not among the newest ${READ_BACK_LIMIT} notifications (more were added at the same time).`,
		};
	}
	return {
		reason: `The notification was sent, but ${candidates.length} notifications with the same title, message and severity were added at the same time: it cannot be told which one it is.`,
		candidateIds: candidates.map((notification) => String(notification.id)),
	};
}

/** Send's output: the notification as Get Many shows it, or what was sent and why its id is unknown. */
export function sendOutput(found: Identified, sent: SentNotification, extra: IDataObject): IDataObject {
	if ('notification' in found) return { ...found.notification, identified: true, ...extra };
	return {
		identified: false,
		type: 'CUSTOM',
		title: sent.title || DEFAULT_CUSTOM_TITLE,
		message: sent.message,
		severity: sent.severity,
		...extra,
		reason: `${found.reason} Do not send it again: it exists. Its "id" is in Get Many.`,
		...(found.candidateIds ? { candidateIds: found.candidateIds } : {}),
	};
}

function createdAtMs(notification: IDataObject): number {
	const at = Date.parse(String(notification.created_at));
	return Number.isNaN(at) ? -Infinity : at;
}
