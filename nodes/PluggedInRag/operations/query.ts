import type { Operation } from '../../shared/operations';
import { askRag, queryField } from '../answer';

export const query: Operation = {
	option: {
		name: 'Query',
		value: 'query',
		description: 'Answer a question; returns the answer with the names and IDs of its source documents',
		action: 'Query the knowledge base',
	},
	fields: [queryField],
	async execute(call) {
		const { answer, sources, documentIds, found, truncated } = await askRag(call, true);
		return { answer, sources, documentIds, found, truncated };
	},
};
