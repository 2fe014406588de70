import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { toBinary } from '../shared/binary';
import { type ClipboardEntry, normaliseEntry } from '../shared/resources/clipboard';
import { validate } from '../shared/validate';
import type { NotFoundOptions } from './notFound';

export interface FileOutputOptions {
	valueAsFile?: boolean;
	binaryPropertyName?: string;
	fileName?: string;
}

/** Options of Get and Pop: hand the value on as a binary file instead of a JSON string. */
export const FILE_OUTPUT_OPTIONS: INodeProperties[] = [
	{
		displayName: 'Output Value as File',
		name: 'valueAsFile',
		type: 'boolean',
		default: false,
		description:
			"Whether to output the value as a binary file (base64 and hex decoded, text as UTF-8) with the entry's content type as MIME type, leaving it out of the JSON",
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		description: 'The binary field for the file, with Output Value as File',
	},
	{
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		description:
			'Name of the output file. Empty: the entry name, or clipboard-3 for index 3, with the extension of its type.',
	},
];

const readOptionsSchema = z.object({
	options: z.object({
		ifNotFound: z.enum(['fail', 'outputNotFound']).optional(),
		valueAsFile: z.boolean().optional(),
		binaryPropertyName: z.string().optional(),
		fileName: z.string().optional(),
	}),
});

/** The Options of Get and Pop (what a missing entry gives, file output), checked. */
export function readOutputOptions(
	ctx: IExecuteFunctions,
	node: INode,
	itemIndex: number,
): NotFoundOptions & FileOutputOptions {
	const options = ctx.getNodeParameter('options', itemIndex, {});
	return validate(node, readOptionsSchema, { options }, itemIndex).options;
}

/** One output item for an entry: JSON with ISO timestamps, or the value as a binary file. */
export async function entryOutput(
	ctx: IExecuteFunctions,
	entry: ClipboardEntry,
	options: FileOutputOptions,
	extra: IDataObject = {},
): Promise<IDataObject | INodeExecutionData> {
	const json = { ...normaliseEntry(entry), ...extra };
	if (!options.valueAsFile) return json;
	delete json.value;
	const fileName = options.fileName || entry.name || `clipboard-${entry.idx ?? entry.uuid}`;
	const file = await toBinary(ctx, decodeValue(entry.value, entry.encoding), fileName, entry.contentType);
	// A name of our own making gets the extension of its MIME type, so "Write Binary File" keeps the type.
	if (!options.fileName && !fileName.includes('.') && file.fileExtension) {
		file.fileName = `${fileName}.${file.fileExtension}`;
	}
	return { json, binary: { [options.binaryPropertyName || 'data']: file } };
}

function decodeValue(value: string, encoding: string): Buffer {
	if (encoding === 'base64') return Buffer.from(value, 'base64');
	if (encoding === 'hex') return Buffer.from(value, 'hex');
	return Buffer.from(value, 'utf8');
}
