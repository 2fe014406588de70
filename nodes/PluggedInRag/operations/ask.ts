import type { Operation } from '../../shared/operations';
import { askRag, queryField } from '../answer';

export const ask: Operation = {
	option: {
		name: 'Ask',
		value: 'ask',
		description: 'Answer a question from the document library; returns the answer text only',
		action: 'Ask a question',
	},
	fields: [queryField],
	async execute(call) {
		const { answer, found, truncated } = await askRag(call, false);
		return { answer, found, truncated };
	},
};
