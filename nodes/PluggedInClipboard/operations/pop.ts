import type { Operation } from '../../shared/operations';
import type { ClipboardEntry } from '../../shared/resources/clipboard';
import { entryOutput, FILE_OUTPUT_OPTIONS, readOutputOptions } from '../entry';
import { foundFlag, missingResult, notFoundOption, NOTHING_TO_POP, unlessMissing } from '../notFound';

export const pop: Operation = {
	option: {
		name: 'Pop',
		value: 'pop',
		description: 'Take the entry with the highest index off the stack: it is returned and deleted',
		action: 'Pop a value from the clipboard stack',
	},
	fields: [],
	options: [notFoundOption('the stack has no indexed entries'), ...FILE_OUTPUT_OPTIONS],
	async execute({ ctx, api, node, itemIndex }) {
		const options = readOutputOptions(ctx, node, itemIndex);
		// Not idempotent: a repeated pop after a lost answer would take a second entry.
		const body = await unlessMissing(
			node,
			async () =>
				await api.request<{ entry: ClipboardEntry }>({
					method: 'POST',
					path: '/api/clipboard/pop',
					idempotent: false,
					itemIndex,
				}),
			NOTHING_TO_POP,
		);
		if (!body) {
			const message = 'Nothing to pop: the clipboard has no indexed entries';
			return missingResult(node, options, { key: {}, message, serverText: NOTHING_TO_POP }, itemIndex);
		}
		return await entryOutput(ctx, body.entry, options, foundFlag(options));
	},
};
