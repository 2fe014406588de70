import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { toBinary } from '../../shared/binary';
import type { Operation } from '../../shared/operations';
import { documentPath, normaliseDocument, queryString } from '../../shared/resources/documents';
import { readParameters, validate } from '../../shared/validate';
import { binaryPropertyField, DOCUMENT_ID } from '../fields';
import { contentBytes, decodeTextContent } from '../output';
import { readDocumentId } from '../parameters';

const schema = z.object({
	includeContent: z.boolean(),
	includeVersions: z.boolean(),
	contentAs: z.enum(['text', 'binary']).optional(),
	binaryPropertyName: z.string().trim().min(1, 'must not be empty').optional(),
});

export const get: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		description: 'Get a document with its metadata, and optionally its content and version history',
		action: 'Get a document',
	},
	fields: [
		DOCUMENT_ID,
		{
			displayName: 'Include Content',
			name: 'includeContent',
			type: 'boolean',
			default: true,
			description: "Whether to include the document's content",
		},
		{
			displayName: 'Content As',
			name: 'contentAs',
			type: 'options',
			default: 'text',
			options: [
				{ name: 'Text', value: 'text', description: 'In the `content` field (binary documents stay base64)' },
				{ name: 'Binary File', value: 'binary', description: 'As a file, with its MIME type and file name' },
			],
			displayOptions: { show: { includeContent: [true] } },
		},
		{
			...binaryPropertyField('Put Output File in Field', 'The name of the output binary field for the file'),
			displayOptions: { show: { includeContent: [true], contentAs: ['binary'] } },
		},
		{
			displayName: 'Include Versions',
			name: 'includeVersions',
			type: 'boolean',
			default: false,
			description: 'Whether to include the version history (newest first)',
		},
	],
	async execute({ ctx, api, node, itemIndex }) {
		const id = readDocumentId(ctx, itemIndex);
		const params = validate(
			node,
			schema,
			readParameters(ctx, itemIndex, ['includeContent', 'includeVersions', 'contentAs', 'binaryPropertyName']),
			itemIndex,
		);
		const document = await api.request<IDataObject>({
			method: 'GET',
			path:
				documentPath(id) +
				queryString({ includeContent: params.includeContent, includeVersions: params.includeVersions }),
			itemIndex,
			resource: `document ${id}`,
		});
		const normalised = normaliseDocument(document);
		if (!params.includeContent || params.contentAs !== 'binary') return decodeTextContent(normalised);
		const { content, contentEncoding, ...json } = normalised;
		const file = await toBinary(
			ctx,
			contentBytes({ content, contentEncoding }),
			String(json.fileName || json.title || id),
			typeof json.mimeType === 'string' ? json.mimeType : undefined,
		);
		return { json, binary: { [params.binaryPropertyName ?? 'data']: file } };
	},
};
