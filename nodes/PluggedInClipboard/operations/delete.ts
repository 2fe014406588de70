import type { IDataObject } from 'n8n-workflow';

import type { Operation } from '../../shared/operations';
import { readOutputOptions } from '../entry';
import { describeKey, ENTRY_NOT_FOUND, foundFlag, missingResult, notFoundOption, unlessMissing } from '../notFound';
import { keyFields, readKey } from '../target';

export const deleteEntry: Operation = {
	option: {
		name: 'Delete',
		value: 'delete',
		description: 'Delete one entry by name or index',
		action: 'Delete a clipboard entry',
	},
	fields: keyFields('Delete By'),
	options: [notFoundOption('no entry has this name or index')],
	async execute({ ctx, api, node, itemIndex }) {
		const key = readKey(ctx, node, itemIndex);
		const options = readOutputOptions(ctx, node, itemIndex);
		const body = await unlessMissing(
			node,
			async () =>
				await api.request<IDataObject>({
					method: 'DELETE',
					path: '/api/clipboard',
					body: key,
					// Not repeated after a lost answer: the retry would find nothing and report "not found".
					idempotent: false,
					itemIndex,
				}),
			ENTRY_NOT_FOUND,
		);
		if (!body) {
			const message = `No clipboard entry ${describeKey(key)} to delete`;
			return missingResult(
				node,
				options,
				{ key: { ...key, deleted: 0 }, message, serverText: ENTRY_NOT_FOUND },
				itemIndex,
			);
		}
		return { ...body, ...foundFlag(options) };
	},
};
