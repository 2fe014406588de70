import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { returnAllOrLimit } from '../../shared/fields';
import type { Operation } from '../../shared/operations';
import { CLIPBOARD_PAGE_SIZE, normaliseEntry } from '../../shared/resources/clipboard';
import { readParameters, validate } from '../../shared/validate';

const schema = z.object({
	returnAll: z.boolean(),
	limit: z.number().int().positive().optional(),
	// A content type is at most 256 characters on the server; a longer filter would only overflow the URL.
	options: z.object({ contentType: z.string().max(256).optional() }),
});

export const getMany: Operation = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		description:
			'List clipboard entries, newest first (image values are cut to 1000 characters: use Get for the full value)',
		action: 'Get many clipboard entries',
	},
	fields: returnAllOrLimit(),
	options: [
		{
			displayName: 'Content Type',
			name: 'contentType',
			type: 'string',
			default: '',
			placeholder: 'application/json',
			description: 'Only entries with exactly this content type',
		},
	],
	async execute({ ctx, api, node, itemIndex }) {
		const raw = readParameters(ctx, itemIndex, ['returnAll', 'limit', 'options']);
		const params = validate(node, schema, { ...raw, options: raw.options ?? {} }, itemIndex);
		const contentType = params.options.contentType || undefined;
		const entries = await api.paginate<IDataObject>(
			(offset, limit) => ({
				method: 'GET',
				path: '/api/clipboard',
				qs: { limit, offset, ...(contentType ? { contentType } : {}) },
				itemIndex,
			}),
			(body) => body.entries as IDataObject[],
			CLIPBOARD_PAGE_SIZE,
			params.returnAll ? Infinity : params.limit,
		);
		return entries.map(normaliseEntry);
	},
};
