import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { normaliseTimestamps } from '../dates';
import type { PluggedInApi } from '../transport';

/**
 * A Plugged.in notification (contract §5b), for the Notifications node and the trigger: the server
 * writes some itself (`document_created_ai` when an AI document is created), an API key adds `CUSTOM` ones.
 */
export interface Notification extends IDataObject {
	id: string;
	type: string;
	title: string;
	message: string;
	severity: string;
	read: boolean;
	completed: boolean;
	link: string | null;
	created_at: string;
	expires_at: string | null;
}

/** The list's only paging: `limit` 1..100 of the newest (no offset; the server reads every row and slices). */
export const MAX_LIST_LIMIT = 100;

export const SEVERITIES = ['INFO', 'SUCCESS', 'WARNING', 'ALERT'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The types seen on a server; the field is free text, so filters accept any value. */
export const TYPE_OPTIONS = [
	{ name: 'AI Document Created', value: 'document_created_ai' },
	{ name: 'Alert', value: 'ALERT' },
	{ name: 'Custom (Sent Through the API)', value: 'CUSTOM' },
	{ name: 'Info', value: 'INFO' },
	{ name: 'Success', value: 'SUCCESS' },
	{ name: 'System', value: 'SYSTEM' },
	{ name: 'Warning', value: 'WARNING' },
];

export const SEVERITY_OPTIONS = [
	{ name: 'Alert', value: 'ALERT' },
	{ name: 'Info', value: 'INFO' },
	{ name: 'Success', value: 'SUCCESS' },
	{ name: 'Warning', value: 'WARNING' },
];

/** The server's title for a custom notification sent without one. */
/** The filters Get Many and the trigger both offer, applied by the node (the server has none). */
export const SEVERITY_AND_TYPE_FILTERS: INodeProperties[] = [
	{
		displayName: 'Severity',
		name: 'severities',
		type: 'multiOptions',
		default: [],
		options: SEVERITY_OPTIONS,
		description: 'Only notifications with one of these severities',
	},
	{
		displayName: 'Type',
		name: 'types',
		type: 'multiOptions',
		default: [],
		options: TYPE_OPTIONS,
		description: 'Only notifications of these types (CUSTOM: sent through the API)',
	},
];

export const DEFAULT_CUSTOM_TITLE = 'Custom notification';

/** The read and completed routes validate ids as UUIDs (any other id is a 400). */
export const NOTIFICATION_ID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

/** Lean fields with Simplify on. */
const SIMPLE_FIELDS = [
	'id',
	'type',
	'title',
	'message',
	'severity',
	'read',
	'completed',
	'link',
	'created_at',
	'expires_at',
];

/** Simplify: the fields above only (no profile or metadata). */
export function simplifyNotification(notification: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const field of SIMPLE_FIELDS) if (field in notification) out[field] = notification[field];
	return out;
}

export function notificationPath(id: string, suffix = ''): string {
	return `/api/notifications/${encodeURIComponent(id)}${suffix}`;
}

/** The server's field names; timestamps as ISO Z. */
export function normaliseNotification(notification: IDataObject): Notification {
	return normaliseTimestamps(notification, ['created_at', 'expires_at']) as Notification;
}

export interface NotificationList {
	/** Newest first, as the server sends them. */
	notifications: Notification[];
	/** True when the server sent fewer than asked for: nothing older exists (for these settings). */
	complete: boolean;
}

/** One GET /api/notifications: the newest `limit` (1..100), optionally only the unread ones. */
export async function listNotifications(
	api: PluggedInApi,
	options: { onlyUnread?: boolean; limit?: number; itemIndex?: number },
): Promise<NotificationList> {
	const limit = options.limit ?? MAX_LIST_LIMIT;
	const body = await api.request<IDataObject>({
		method: 'GET',
		path: '/api/notifications',
		qs: { onlyUnread: options.onlyUnread ? 'true' : 'false', limit },
		itemIndex: options.itemIndex,
	});
	const notifications = Array.isArray(body?.notifications) ? (body.notifications as Notification[]) : [];
	return { notifications, complete: notifications.length < limit };
}

/** Client-side filters (the server filters on read/unread only). An empty list matches everything. */
export interface NotificationFilters {
	types?: string[];
	severities?: string[];
	completed?: boolean;
}

export function matchesFilters(notification: IDataObject, filters: NotificationFilters): boolean {
	if (filters.types?.length && !filters.types.includes(String(notification.type))) return false;
	if (filters.severities?.length && !filters.severities.includes(String(notification.severity))) return false;
	if (filters.completed !== undefined && Boolean(notification.completed) !== filters.completed) return false;
	return true;
}
