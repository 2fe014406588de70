import type { Operation } from '../../shared/operations';
import { type ClipboardEntry, normaliseEntry } from '../../shared/resources/clipboard';
import { ENTRY_OPTIONS, readEntryBody, VALUE_FIELDS } from '../value';

export const push: Operation = {
	option: {
		name: 'Push',
		value: 'push',
		description: 'Add a value on top of the stack: it gets the next index (0 for the first)',
		action: 'Push a value onto the clipboard stack',
	},
	fields: VALUE_FIELDS,
	options: ENTRY_OPTIONS,
	async execute({ ctx, api, node, itemIndex }) {
		const body = await readEntryBody(ctx, node, itemIndex);
		// Not idempotent: a repeated push after a lost answer would add the value twice.
		const answer = await api.request<{ entry: ClipboardEntry }>({
			method: 'POST',
			path: '/api/clipboard/push',
			body,
			idempotent: false,
			itemIndex,
		});
		return normaliseEntry(answer.entry);
	},
};
