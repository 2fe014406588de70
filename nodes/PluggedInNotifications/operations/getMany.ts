import { z } from 'zod';

import { returnAllOrLimit, SIMPLIFY } from '../../shared/fields';
import type { Operation } from '../../shared/operations';
import {
	listNotifications,
	matchesFilters,
	MAX_LIST_LIMIT,
	normaliseNotification,
	SEVERITIES,
	SEVERITY_AND_TYPE_FILTERS,
	simplifyNotification,
} from '../../shared/resources/notifications';
import { readParameters, validate } from '../../shared/validate';

const CAP_HINT = `Plugged.in lists only its newest ${MAX_LIST_LIMIT} notifications (it has no paging): older ones cannot be read through the API.`;

const [returnAll, limit] = returnAllOrLimit(MAX_LIST_LIMIT);

const schema = z.object({
	onlyUnread: z.boolean(),
	returnAll: z.boolean(),
	limit: z.number().int().min(1).max(MAX_LIST_LIMIT).optional(),
	simplify: z.boolean(),
	filters: z.object({
		types: z.array(z.string()).optional(),
		severities: z.array(z.enum(SEVERITIES)).optional(),
		completed: z.boolean().optional(),
	}),
});

export const getMany: Operation = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		description: `List notifications, newest first (at most the newest ${MAX_LIST_LIMIT})`,
		action: 'Get many notifications',
	},
	fields: [
		{
			displayName: 'Only Unread',
			name: 'onlyUnread',
			type: 'boolean',
			default: false,
			description: 'Whether to return only notifications not marked as read',
		},
		{ ...returnAll, description: `Whether to return all results or only up to a given limit. ${CAP_HINT}` },
		{ ...limit, description: `Max number of results to return (1-${MAX_LIST_LIMIT})` },
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			description: `Applied by the node to the newest ${MAX_LIST_LIMIT} (Plugged.in filters on read/unread only)`,
			options: [
				{
					displayName: 'Completed',
					name: 'completed',
					type: 'boolean',
					default: true,
					description: 'Whether to return only completed notifications (on) or only open ones (off)',
				},
				...SEVERITY_AND_TYPE_FILTERS,
			],
		},
		SIMPLIFY,
	],
	async execute({ ctx, api, node, itemIndex }) {
		const raw = readParameters(ctx, itemIndex, ['onlyUnread', 'returnAll', 'limit', 'simplify', 'filters']);
		const params = validate(node, schema, { ...raw, filters: raw.filters ?? {} }, itemIndex);
		const wanted = params.returnAll ? MAX_LIST_LIMIT : (params.limit ?? 50);
		const { types, severities, completed } = params.filters;
		const filtered = Boolean(types?.length || severities?.length || completed !== undefined);
		// With filters, the newest 100 are filtered here, then cut to the limit.
		const { notifications } = await listNotifications(api, {
			onlyUnread: params.onlyUnread,
			limit: filtered ? MAX_LIST_LIMIT : wanted,
			itemIndex,
		});
		return notifications
			.filter((notification) => matchesFilters(notification, params.filters))
			.slice(0, wanted)
			.map((notification) =>
				normaliseNotification(params.simplify ? simplifyNotification(notification) : notification),
			);
	},
};
