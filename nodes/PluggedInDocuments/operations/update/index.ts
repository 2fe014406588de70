import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { parseList } from '../../../shared/json';
import type { Operation } from '../../../shared/operations';
import { documentPath } from '../../../shared/resources/documents';
import { readParameters, validate } from '../../../shared/validate';
import { DOCUMENT_ID } from '../../fields';
import { readDocumentId } from '../../parameters';
import { UPDATE_FIELDS, updateContent } from './fields';

const optionalText = z
	.string()
	.trim()
	.optional()
	.transform((value) => value || undefined);

const schema = z
	.object({
		updateMode: z.enum(['replace', 'append', 'prepend']),
		content: updateContent,
		modelName: optionalText,
		modelProvider: optionalText,
		updateFields: z.object({
			changeSummary: optionalText,
			modelVersion: optionalText,
			tags: z.array(z.string()).optional(),
		}),
	})
	.superRefine(({ modelName, modelProvider, updateFields }, context) => {
		// The server requires metadata.model whenever metadata is sent.
		const wantsMetadata =
			modelName || modelProvider || Object.values(updateFields).some((value) => value !== undefined);
		if (!wantsMetadata) return;
		for (const [name, value] of Object.entries({ modelName, modelProvider })) {
			if (!value) {
				context.addIssue({
					code: z.ZodIssueCode.custom,
					path: [name],
					message:
						'is required with Model Name, Model Provider, Change Summary, Model Version or Tags (Plugged.in records the model of every change it is told about)',
				});
			}
		}
	});

export const update: Operation = {
	option: {
		name: 'Update',
		value: 'update',
		description: 'Replace, append to or prepend to the content of an AI-generated document, making a new version',
		action: 'Update a document',
	},
	fields: [DOCUMENT_ID, ...UPDATE_FIELDS],
	async execute({ ctx, api, node, itemIndex }) {
		const id = readDocumentId(ctx, itemIndex);
		const raw = readParameters(ctx, itemIndex, ['updateMode', 'content', 'modelName', 'modelProvider', 'updateFields']);
		const updateFields = (raw.updateFields ?? {}) as IDataObject;
		const params = validate(
			node,
			schema,
			{ ...raw, updateFields: { ...updateFields, tags: parseList(updateFields.tags) } },
			itemIndex,
		);
		const { changeSummary, modelVersion, tags } = params.updateFields;
		const metadata = params.modelName
			? {
					model: { name: params.modelName, provider: params.modelProvider, version: modelVersion },
					changeSummary,
					tags,
				}
			: undefined;
		return await api.request<IDataObject>({
			method: 'PATCH',
			path: documentPath(id),
			body: { operation: params.updateMode, content: params.content, metadata },
			// The server's CSRF check wants Origin and X-Requested-With on this route.
			csrf: true,
			itemIndex,
			resource: `AI-generated document ${id} owned by this API key's profile`,
		});
	},
};
