import type { Operation } from '../../shared/operations';
import { askRag, queryField, sourceDocuments } from '../answer';

export const queryWithSources: Operation = {
	option: {
		name: 'Query With Sources',
		value: 'queryWithSources',
		description: 'Answer a question; returns the answer and its sources as a list of {ID, name}',
		action: 'Query with sources',
	},
	fields: [queryField],
	async execute(call) {
		const answer = await askRag(call, true);
		return {
			answer: answer.answer,
			sources: sourceDocuments(answer),
			found: answer.found,
			truncated: answer.truncated,
		};
	},
};
