import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { returnAllOrLimit, SIMPLIFY } from '../../shared/fields';
import type { Operation } from '../../shared/operations';
import { DOCUMENT_PAGE_SIZE, normaliseDocument, queryString } from '../../shared/resources/documents';
import { readParameters, validate } from '../../shared/validate';
import { filtersField, readFilters } from '../fields';
import { LIST_FIELDS, pick } from '../output';

/** The server answers limit > 100 with a 400. */

const schema = z.object({
	returnAll: z.boolean(),
	limit: z.number().int().min(1).optional(),
	simplify: z.boolean(),
	sort: z.enum(['date_desc', 'date_asc', 'title', 'size']),
});

export const getMany: Operation = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		description: 'List documents of the library, filtered and sorted',
		action: 'Get many documents',
	},
	fields: [...returnAllOrLimit(), filtersField(true), SIMPLIFY],
	options: [
		{
			displayName: 'Sort',
			name: 'sort',
			type: 'options',
			default: 'date_desc',
			options: [
				{ name: 'Largest First', value: 'size' },
				{ name: 'Newest First', value: 'date_desc' },
				{ name: 'Oldest First', value: 'date_asc' },
				{ name: 'Title (A to Z)', value: 'title' },
			],
			description: 'Order of the documents',
		},
	],
	async execute({ ctx, api, node, itemIndex }) {
		const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const params = validate(
			node,
			schema,
			{ ...readParameters(ctx, itemIndex, ['returnAll', 'limit', 'simplify']), sort: options.sort ?? 'date_desc' },
			itemIndex,
		);
		const filters = readFilters(ctx, node, itemIndex);
		const documents = await api.paginate<IDataObject>(
			(offset, limit) => ({
				method: 'GET',
				path: '/api/documents' + queryString({ ...filters, sort: params.sort, limit, offset }),
				itemIndex,
			}),
			(body) => (body.documents as IDataObject[]) ?? [],
			DOCUMENT_PAGE_SIZE,
			params.returnAll ? Infinity : params.limit,
		);
		// Simplify picks before normalising: no work on the fields it drops (10,000 documents with Return All).
		return documents.map((document) => normaliseDocument(params.simplify ? pick(document, LIST_FIELDS) : document));
	},
};
