import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { readBinary } from '../shared/binary';
import { ENCODINGS } from '../shared/resources/clipboard';
import { failInvalid, readParameters, validate } from '../shared/validate';

/** The server's limit: the UTF-8 length of the value string as sent. */
const MAX_VALUE_BYTES = 2_097_152;

/** Set and Push: where the value comes from. */
export const VALUE_FIELDS: INodeProperties[] = [
	{
		displayName: 'Value From',
		name: 'valueFrom',
		type: 'options',
		default: 'field',
		options: [
			{ name: 'Text', value: 'field', description: 'The Value field below (typed, or an expression)' },
			{
				name: 'Input Item JSON',
				value: 'json',
				description: 'The whole JSON of the input item, stored with the JSON MIME type',
			},
			{
				name: 'Input Binary File',
				value: 'binary',
				description: 'A binary file of the input item, stored as base64 with its MIME type',
			},
		],
	},
	{
		displayName: 'Value',
		name: 'value',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'What to store (at most 2 MiB as UTF-8)',
		displayOptions: { show: { valueFrom: ['field'] } },
	},
	{
		displayName: 'Encoding',
		name: 'encoding',
		type: 'options',
		default: 'utf-8',
		options: [
			{ name: 'UTF-8 Text', value: 'utf-8' },
			{ name: 'Base64', value: 'base64', description: 'Canonical base64 whose length is a multiple of 4' },
			{ name: 'Hex', value: 'hex', description: 'Hex digits, an even number of them' },
		],
		description: 'How the value is encoded. Plugged.in checks base64 and hex values.',
		displayOptions: { show: { valueFrom: ['field'] } },
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		description: 'The binary field of the input item that holds the file',
		displayOptions: { show: { valueFrom: ['binary'] } },
	},
];

/** Set and Push: how the entry is stored. */
export const ENTRY_OPTIONS: INodeProperties[] = [
	{
		displayName: 'Content Type',
		name: 'contentType',
		type: 'string',
		default: '',
		placeholder: 'text/plain',
		description:
			"MIME type of the value. Empty: text/plain for text, the JSON MIME type for item JSON, the file's own for files.",
	},
	{
		displayName: 'Created by Model',
		name: 'createdByModel',
		type: 'string',
		default: '',
		description: 'The AI model that produced the value, for the record',
	},
	{
		displayName: 'Created by Tool',
		name: 'createdByTool',
		type: 'string',
		default: '',
		description: 'The tool or workflow that produced the value, for the record',
	},
	{
		displayName: 'TTL (Seconds)',
		name: 'ttlSeconds',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 86400,
		description:
			'Seconds until the entry expires (default 24 hours; entries cannot be permanent). Expired entries stay readable until the server cleans them up.',
	},
	{
		displayName: 'Visibility',
		name: 'visibility',
		type: 'options',
		default: 'private',
		options: [
			{ name: 'Private', value: 'private' },
			{ name: 'Public', value: 'public' },
			{ name: 'Workspace', value: 'workspace' },
		],
		description: 'Stored with the entry; the API only ever returns your own entries',
	},
];

const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);
const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().max(max).optional());

const schema = z.object({
	valueFrom: z.enum(['field', 'json', 'binary']),
	value: z
		.union([z.string(), z.number(), z.boolean()], {
			errorMap: () => ({
				message: 'must be text: for an object, use Value From "Input Item JSON" or JSON.stringify()',
			}),
		})
		.transform(String)
		.optional(),
	encoding: z.enum(ENCODINGS).optional(),
	binaryPropertyName: z.string().min(1, 'is empty').optional(),
	options: z.object({
		contentType: optionalText(256),
		createdByModel: optionalText(255),
		createdByTool: optionalText(255),
		ttlSeconds: z.preprocess(blankToUndefined, z.number().int().positive().optional()),
		visibility: z.enum(['private', 'workspace', 'public']).optional(),
	}),
});

/** The JSON body of a Set or Push for one item, checked as the server checks it. Nothing is sent on a problem. */
export async function readEntryBody(ctx: IExecuteFunctions, node: INode, itemIndex: number): Promise<IDataObject> {
	const raw = readParameters(ctx, itemIndex, ['valueFrom', 'value', 'encoding', 'binaryPropertyName', 'options']);
	const params = validate(node, schema, { ...raw, options: raw.options ?? {} }, itemIndex);
	const { contentType, ...stored } = params.options;

	let value: string;
	let encoding: string;
	let defaultType: string;
	if (params.valueFrom === 'binary') {
		const property = params.binaryPropertyName ?? 'data';
		const file = await readBinary(ctx, itemIndex, property);
		value = file.buffer.toString('base64');
		encoding = 'base64';
		defaultType = file.mimeType || 'application/octet-stream';
		checkSize(node, value, itemIndex, (size) => {
			return `"Input Binary Field" (binaryPropertyName): the file is ${bytes(file.buffer.length)}, ${bytes(size)} as base64`;
		});
	} else if (params.valueFrom === 'json') {
		value = JSON.stringify(ctx.getInputData()[itemIndex].json);
		encoding = 'utf-8';
		defaultType = 'application/json';
		checkSize(node, value, itemIndex, (size) => `"Value From" (valueFrom): the input item's JSON is ${bytes(size)}`);
	} else {
		value = params.value ?? '';
		encoding = params.encoding ?? 'utf-8';
		defaultType = 'text/plain';
		checkSize(node, value, itemIndex, (size) => `"Value" (value): is ${bytes(size)} as UTF-8`);
		const problem = encodingProblem(value, encoding);
		if (problem) failInvalid(node, `"Value" (value): ${problem}`, itemIndex);
	}
	// The SDKs mark their entries as 'sdk'; the server's default would be 'ui'.
	return { value, encoding, contentType: contentType ?? defaultType, ...stored, source: 'sdk' };
}

/** Checked before sending: the server measures the UTF-8 length of the string it receives. */
function checkSize(node: INode, value: string, itemIndex: number, describe: (size: number) => string): void {
	const size = Buffer.byteLength(value, 'utf8');
	if (size <= MAX_VALUE_BYTES) return;
	failInvalid(
		node,
		`${describe(size)}; Plugged.in accepts at most ${bytes(MAX_VALUE_BYTES)} (2 MiB) per value`,
		itemIndex,
		'Store less, or split it over several entries. Nothing was sent to Plugged.in.',
	);
}

/** The server's checks of base64 and hex values (lib/clipboard validateContentEncoding). */
function encodingProblem(value: string, encoding: string): string | undefined {
	if (encoding === 'base64') {
		if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value)) return 'is not base64: it has characters outside A-Z a-z 0-9 + / =';
		if (value.length % 4 !== 0) return `is not valid base64: its length (${value.length}) is not a multiple of 4`;
		const canonical = Buffer.from(value, 'base64').toString('base64');
		if (canonical.replace(/=+$/, '') !== value.replace(/=+$/, '')) return 'is not canonical base64 (corrupted data)';
	}
	if (encoding === 'hex') {
		if (!/^[0-9A-Fa-f]*$/.test(value)) return 'is not hex: it has characters other than 0-9 a-f A-F';
		if (value.length % 2 !== 0) return `is not valid hex: it has an odd number of digits (${value.length})`;
	}
	return undefined;
}

function bytes(count: number): string {
	return `${count.toLocaleString('en-US')} bytes`;
}
