import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';
import { z } from 'zod';

import { readBinary } from '../../../shared/binary';
import { parseList } from '../../../shared/json';
import { failInvalid, readParameters, validate } from '../../../shared/validate';
import { buildMetadata } from './metadata';

const MAX_CONTENT_CHARS = 10 * 1024 * 1024;
/** The server answers a larger body with a 413. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;
const text = (max: number) =>
	z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

const schema = z.object({
	title: text(255),
	content: z
		.string()
		.min(1, 'must not be empty')
		.max(MAX_CONTENT_CHARS, `must be at most ${MAX_CONTENT_CHARS} characters`),
	format: z.enum(['md', 'txt', 'json', 'html']),
	modelName: text(200),
	modelProvider: text(200),
	additionalFields: z
		.object({
			tags: z.array(z.string()).max(20, 'at most 20 tags are allowed').optional(),
			category: z.enum(['report', 'analysis', 'documentation', 'guide', 'research', 'code', 'other']).optional(),
			sessionId: z.string().optional(),
		})
		.passthrough(),
});

export interface CreateRequest {
	body: IDataObject;
	sessionId?: string;
}

/** Create's parameters of one item, checked, as the body of POST /api/documents/ai. */
export async function readCreateRequest(
	ctx: IExecuteFunctions,
	node: INode,
	itemIndex: number,
): Promise<CreateRequest> {
	const additionalFields = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const params = validate(
		node,
		schema,
		{
			...readParameters(ctx, itemIndex, ['title', 'format', 'modelName', 'modelProvider']),
			content: await readContent(ctx, node, itemIndex),
			additionalFields: { ...additionalFields, tags: parseList(additionalFields.tags) },
		},
		itemIndex,
	);
	const { tags, category, sessionId } = params.additionalFields;
	const metadata = buildMetadata(
		node,
		{ ...additionalFields, modelName: params.modelName, modelProvider: params.modelProvider },
		itemIndex,
	);
	const body = { title: params.title, content: params.content, format: params.format, tags, category, metadata };
	const size = Buffer.byteLength(JSON.stringify(body));
	if (size > MAX_BODY_BYTES) {
		failInvalid(
			node,
			`"Content" (content): the request would be ${size} bytes; Plugged.in accepts at most 10 MiB`,
			itemIndex,
		);
	}
	return { body, sessionId: sessionId || undefined };
}

/** The content to create: the Content field, or the input item's binary file read as UTF-8 text. */
export async function readContent(ctx: IExecuteFunctions, node: INode, itemIndex: number): Promise<string> {
	if (ctx.getNodeParameter('contentSource', itemIndex, 'text') === 'text') {
		const content = ctx.getNodeParameter('content', itemIndex, '') as unknown;
		return typeof content === 'string' ? content : JSON.stringify(content, null, 2);
	}
	const propertyName = String(ctx.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim();
	const { buffer, fileName } = await readBinary(ctx, itemIndex, propertyName);
	if (buffer.includes(0)) {
		return failInvalid(
			node,
			`"Input Binary Field" (binaryPropertyName): the file ${fileName ? `"${fileName}" ` : ''}is not a text file; Plugged.in documents are created from text`,
			itemIndex,
		);
	}
	return buffer.toString('utf8').replace(/^\uFEFF/, '');
}
