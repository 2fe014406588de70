import { z } from 'zod';

import type { Operation } from '../../shared/operations';
import { readParameters, validate } from '../../shared/validate';
import { askRag, queryField, sourceDocuments } from '../answer';

const limitSchema = z.object({ limit: z.number().int().min(1).max(100) });

/**
 * One output item per document, best match first: the next node (e.g. Get Document) then runs once
 * per document without a Split Out. No match gives no items (turn on "Always Output Data" to go on).
 */
export const findRelevantDocuments: Operation = {
	option: {
		name: 'Find Relevant Documents',
		value: 'findRelevantDocuments',
		description: 'List the documents that best match a question, one output item per document {ID, name}',
		action: 'Find relevant documents',
	},
	fields: [
		queryField,
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100 },
			default: 50,
			description: 'Max number of results to return',
			hint: 'Plugged.in answers from its top 5 passages by default, so often fewer documents come back',
		},
	],
	async execute(call) {
		const { limit } = validate(
			call.node,
			limitSchema,
			readParameters(call.ctx, call.itemIndex, ['limit']),
			call.itemIndex,
		);
		return sourceDocuments(await askRag(call, true)).slice(0, limit);
	},
};
