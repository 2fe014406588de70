import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { returnAllOrLimit, SIMPLIFY } from '../../../shared/fields';
import type { Operation } from '../../../shared/operations';
import { normaliseDocument } from '../../../shared/resources/documents';
import { readParameters, validate } from '../../../shared/validate';
import { filtersField, readFilters } from '../../fields';
import { pick, SEARCH_FIELDS } from '../../output';
import { QUERY_FIELD, searchQuery } from './query';

/** The server answers limit > 50 with a 400. */
const PAGE_SIZE = 50;
const schema = z.object({
	query: searchQuery,
	returnAll: z.boolean(),
	limit: z.number().int().min(1).optional(),
	simplify: z.boolean(),
	outputMode: z.enum(['results', 'summary']),
});

export const search: Operation = {
	option: {
		name: 'Search',
		value: 'search',
		description: 'Find documents by words in their title and description, best matches first',
		action: 'Search documents',
	},
	fields: [QUERY_FIELD, ...returnAllOrLimit(), filtersField(false), SIMPLIFY],
	options: [
		{
			displayName: 'Output',
			name: 'outputMode',
			type: 'options',
			default: 'results',
			options: [
				{ name: 'One Item per Document', value: 'results' },
				{ name: 'One Item With Totals', value: 'summary' },
			],
			description:
				'Whether to output each document as an item, or one item with `results`, `total`, `totalApproximate` and `hasMore`. `total` is exact when every result is in hand; otherwise it is the server\'s count, which can over-count (`totalApproximate: true`).',
		},
	],
	async execute({ ctx, api, node, itemIndex }) {
		const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const params = validate(
			node,
			schema,
			{
				...readParameters(ctx, itemIndex, ['query', 'returnAll', 'limit', 'simplify']),
				outputMode: options.outputMode ?? 'results',
			},
			itemIndex,
		);
		const filters = readFilters(ctx, node, itemIndex);
		let last: IDataObject = {};
		let lastPageFull = false;
		const results = await api.paginate<IDataObject>(
			(offset, limit) => ({
				method: 'POST',
				path: '/api/documents/search',
				body: { query: params.query, filters: Object.keys(filters).length ? filters : undefined, limit, offset },
				// A search changes nothing: safe to repeat after a 5xx.
				idempotent: true,
				itemIndex,
			}),
			(body) => {
				const page = (body.results as IDataObject[]) ?? [];
				last = body;
				lastPageFull = page.length >= Number(body.limit);
				return page;
			},
			PAGE_SIZE,
			params.returnAll ? Infinity : params.limit,
		);
		const documents = results.map((result) => {
			const normalised = normaliseDocument(result);
			return params.simplify ? pick(normalised, SEARCH_FIELDS) : normalised;
		});
		if (params.outputMode === 'results') return documents;
		// The server's `total` (a string) counts attribution rows, so it can exceed the real number. With
		// Return All, or a short last page, every result is in hand and the count is ours.
		const complete = params.returnAll || !lastPageFull;
		return {
			results: documents,
			total: complete ? documents.length : Number(last.total ?? documents.length),
			totalApproximate: !complete,
			hasMore: !complete && last.hasMore === true,
		};
	},
};
