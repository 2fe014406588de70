import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import type { Operation } from '../../shared/operations';
import { documentPath } from '../../shared/resources/documents';
import { readParameters, validate } from '../../shared/validate';
import { DOCUMENT_ID, VERSION_NUMBER } from '../fields';
import { readDocumentId } from '../parameters';
import { explainMissingVersion } from '../versions';

const optionalText = z
	.string()
	.trim()
	.optional()
	.transform((value) => value || undefined);
const schema = z
	.object({
		versionNumber: z
			.number()
			.int('must be a whole number')
			.min(1, 'must be 1 or more')
			.max(Number.MAX_SAFE_INTEGER, 'is too large'),
		modelName: optionalText,
		modelProvider: optionalText,
	})
	.refine(({ modelName, modelProvider }) => !modelName === !modelProvider, {
		path: ['modelProvider'],
		message: 'give both Model Name and Model Provider, or neither',
	});

export const restoreVersion: Operation = {
	option: {
		name: 'Restore Version',
		value: 'restoreVersion',
		description: 'Make an earlier version current again (saved as a new version)',
		action: 'Restore a version of a document',
	},
	fields: [
		DOCUMENT_ID,
		VERSION_NUMBER,
		{
			displayName: 'Model Name',
			name: 'modelName',
			type: 'string',
			default: '',
			description: 'The AI model restoring the version, recorded in the history (Plugged.in says "System" without one)',
		},
		{
			displayName: 'Model Provider',
			name: 'modelProvider',
			type: 'string',
			default: '',
			description: 'Who provides that model, such as anthropic or openai',
		},
	],
	async execute({ ctx, api, node, itemIndex }) {
		const id = readDocumentId(ctx, itemIndex);
		const params = validate(
			node,
			schema,
			readParameters(ctx, itemIndex, ['versionNumber', 'modelName', 'modelProvider']),
			itemIndex,
		);
		const body = await explainMissingVersion(
			node,
			{ id, versionNumber: params.versionNumber, itemIndex },
			api.request<IDataObject>({
				method: 'POST',
				path: documentPath(id, `/versions/${params.versionNumber}`),
				// Always a JSON body: the route fails (500) on an empty one.
				body: params.modelName ? { restoredByModel: { name: params.modelName, provider: params.modelProvider } } : {},
				itemIndex,
				resource: `document ${id} owned by this API key's profile`,
			}),
		);
		return { documentId: id, ...body };
	},
};
