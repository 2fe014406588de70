import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import type { Operation } from '../../shared/operations';
import { documentPath } from '../../shared/resources/documents';
import { readParameters, validate } from '../../shared/validate';
import { DOCUMENT_ID, VERSION_NUMBER } from '../fields';
import { readDocumentId } from '../parameters';
import { explainFailedRestore, readVersions } from '../versions';

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
		description:
			'Make an earlier version current again. Plugged.in first saves the current content as a backup version, then the restored copy: the output says which version is now current.',
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
		const request = { id, versionNumber: params.versionNumber, itemIndex };
		let body: IDataObject;
		try {
			body = await api.request<IDataObject>({
				method: 'POST',
				path: documentPath(id, `/versions/${params.versionNumber}`),
				// Always a JSON body: the route fails (500) on an empty one.
				body: params.modelName ? { restoredByModel: { name: params.modelName, provider: params.modelProvider } } : {},
				itemIndex,
				resource: `document ${id} owned by this API key's profile`,
			});
		} catch (error) {
			throw await explainFailedRestore(api, node, error, request);
		}
		// The answer does not say which version is now current (a backup version comes before the restored copy).
		const current = (await readVersions(api, id, itemIndex)).find((version) => version.isCurrent);
		return { documentId: id, ...body, version: current?.versionNumber ?? null };
	},
};
