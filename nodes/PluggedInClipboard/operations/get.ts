import type { Operation } from '../../shared/operations';
import type { ClipboardEntry } from '../../shared/resources/clipboard';
import { entryOutput, FILE_OUTPUT_OPTIONS, readOutputOptions } from '../entry';
import { describeKey, ENTRY_NOT_FOUND, foundFlag, missingResult, notFoundOption, unlessMissing } from '../notFound';
import { keyFields, readKey } from '../target';

export const get: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		description: 'Get one entry by name or index, with its full value',
		action: 'Get a clipboard entry',
	},
	fields: keyFields('Get By'),
	options: [notFoundOption('no entry has this name or index'), ...FILE_OUTPUT_OPTIONS],
	async execute({ ctx, api, node, itemIndex }) {
		const key = readKey(ctx, node, itemIndex);
		const options = readOutputOptions(ctx, node, itemIndex);
		const body = await unlessMissing(
			node,
			async () =>
				await api.request<{ entry: ClipboardEntry }>({ method: 'GET', path: '/api/clipboard', qs: key, itemIndex }),
			ENTRY_NOT_FOUND,
		);
		if (!body) {
			const message = `No clipboard entry ${describeKey(key)}`;
			return missingResult(node, options, { key, message, serverText: ENTRY_NOT_FOUND }, itemIndex);
		}
		return await entryOutput(ctx, body.entry, options, foundFlag(options));
	},
};
