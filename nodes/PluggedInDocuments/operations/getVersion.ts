import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import type { Operation } from '../../shared/operations';
import { documentPath } from '../../shared/resources/documents';
import { readParameters, validate } from '../../shared/validate';
import { DOCUMENT_ID, VERSION_NUMBER } from '../fields';
import { readDocumentId } from '../parameters';
import { explainMissingVersion } from '../versions';

const schema = z.object({
	versionNumber: z
		.number()
		.int('must be a whole number')
		.min(1, 'must be 1 or more')
		.max(Number.MAX_SAFE_INTEGER, 'is too large'),
});

export const getVersion: Operation = {
	option: {
		name: 'Get Version',
		value: 'getVersion',
		description: 'Get the content of one version of a document',
		action: 'Get a version of a document',
	},
	fields: [DOCUMENT_ID, VERSION_NUMBER],
	async execute({ ctx, api, node, itemIndex }) {
		const id = readDocumentId(ctx, itemIndex);
		const { versionNumber } = validate(node, schema, readParameters(ctx, itemIndex, ['versionNumber']), itemIndex);
		const body = await explainMissingVersion(
			node,
			{ id, versionNumber, itemIndex },
			api.request<IDataObject>({
				method: 'GET',
				path: documentPath(id, `/versions/${versionNumber}`),
				itemIndex,
				resource: `document ${id} owned by this API key's profile`,
			}),
		);
		return { documentId: id, ...body };
	},
};
