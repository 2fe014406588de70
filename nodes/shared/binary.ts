import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';

/** The bytes of an input item's binary property (works when n8n keeps binaries on disk). */
export async function readBinary(
	ctx: IExecuteFunctions,
	itemIndex: number,
	propertyName: string,
): Promise<{ buffer: Buffer; mimeType: string; fileName?: string }> {
	const meta = ctx.helpers.assertBinaryData(itemIndex, propertyName);
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
