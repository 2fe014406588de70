import type { JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { Operation } from '../../shared/operations';
import { type ClipboardEntry, normaliseEntry } from '../../shared/resources/clipboard';
import { keyFields, readKey } from '../target';
import { ENTRY_OPTIONS, readEntryBody, VALUE_FIELDS } from '../value';

export const set: Operation = {
	option: {
		name: 'Set',
		value: 'set',
		description: 'Store a value under a name (replacing an entry of that name) or at a free index',
		action: 'Set a clipboard entry',
	},
	fields: [...keyFields('Store By', 'name'), ...VALUE_FIELDS],
	options: ENTRY_OPTIONS,
	async execute({ ctx, api, node, itemIndex }) {
		const key = readKey(ctx, node, itemIndex);
		const body = { ...key, ...(await readEntryBody(ctx, node, itemIndex)) };
		try {
			const answer = await api.request<{ entry: ClipboardEntry }>({
				method: 'POST',
				path: '/api/clipboard',
				body,
				idempotent: false,
				itemIndex,
			});
			return normaliseEntry(answer.entry);
		} catch (error) {
			// Hands back the same NodeApiError (n8n does not wrap one twice).
			if (!(error instanceof NodeApiError) || error.httpCode !== '409')
				throw new NodeApiError(node, error as JsonObject);
			throw new NodeApiError(node, (error.errorResponse ?? {}) as JsonObject, {
				message: `Index ${key.idx} is already taken`,
				description: `Use the Push operation to add an entry at the next free index, or delete index ${key.idx} first. Named entries are replaced instead.`,
				httpCode: '409',
				itemIndex,
			});
		}
	},
};
