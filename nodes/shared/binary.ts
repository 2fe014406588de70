import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';

import { failInvalid } from './validate';

/**
 * The bytes of an input item's binary property (works when n8n keeps binaries on disk).
 * `propertyName` comes from the "Input Binary Field" parameter (binaryPropertyName).
 */
export async function readBinary(
	ctx: IExecuteFunctions,
	itemIndex: number,
	propertyName: string,
): Promise<{ buffer: Buffer; mimeType: string; fileName?: string }> {
	let meta: IBinaryData;
	try {
		meta = ctx.helpers.assertBinaryData(itemIndex, propertyName);
	} catch {
		// n8n's own message names the field, not the parameter that asked for it.
		return failInvalid(
			ctx.getNode(),
			`"Input Binary Field" (binaryPropertyName): the input item has no binary field '${propertyName.slice(0, 80)}'`,
			itemIndex,
			'Give the name of a binary field of the input item (often "data"). Nothing was sent to Plugged.in.',
		);
	}
	const buffer = await ctx.helpers.getBinaryDataBuffer(itemIndex, propertyName);
	return { buffer, mimeType: meta.mimeType, fileName: meta.fileName };
}

/** Bytes → an n8n binary property, stored the way the instance is configured (memory, disk, S3). */
export async function toBinary(
	ctx: IExecuteFunctions,
	buffer: Buffer,
	fileName: string,
	mimeType?: string,
): Promise<IBinaryData> {
	return await ctx.helpers.prepareBinaryData(buffer, fileName, mimeType);
}
