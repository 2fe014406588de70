import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { toBinary } from '../../shared/binary';
import type { Operation } from '../../shared/operations';
import { documentPath } from '../../shared/resources/documents';
import { readParameters, validate } from '../../shared/validate';
import { binaryPropertyField, DOCUMENT_ID } from '../fields';
import { readDocumentId } from '../parameters';

const schema = z.object({ binaryPropertyName: z.string().trim().min(1, 'must not be empty') });

export const download: Operation = {
	option: {
		name: 'Download',
		value: 'download',
		description: 'Download the file of a document (any type, PDFs included) as binary data',
		action: 'Download a document',
	},
	fields: [
		DOCUMENT_ID,
		binaryPropertyField('Put Output File in Field', 'The name of the output binary field for the file'),
	],
	async execute({ ctx, api, node, itemIndex }) {
		const id = readDocumentId(ctx, itemIndex);
		const { binaryPropertyName } = validate(
			node,
			schema,
			readParameters(ctx, itemIndex, ['binaryPropertyName']),
			itemIndex,
		);
		const response = await api.send<Buffer>({
			method: 'GET',
			path: `/api/library/download/${encodeURIComponent(id)}`,
			binary: true,
			itemIndex,
			resource: `document ${id}`,
		});
		const mimeType = response.headers['content-type']?.split(';')[0].trim() || 'application/octet-stream';
		let fileName = fileNameFromDisposition(response.headers['content-disposition']);
		if (!fileName) {
			// No Content-Disposition: the document's own file name.
			const document = await api.request<IDataObject>({
				method: 'GET',
				path: documentPath(id),
				itemIndex,
				resource: `document ${id}`,
			});
			fileName = String(document.fileName || document.title || id);
		}
		const file = await toBinary(ctx, response.body, fileName, mimeType);
		return {
			json: { id, fileName, mimeType, fileSize: response.body.length },
			binary: { [binaryPropertyName]: file },
		};
	},
};

/** File name from Content-Disposition (RFC 5987 `filename*` first, then `filename`). */
export function fileNameFromDisposition(disposition: string | undefined): string | undefined {
	if (!disposition) return undefined;
	const extended = /filename\*\s*=\s*(?:[\w-]*)'[^']*'([^;]+)/i.exec(disposition);
	if (extended) {
		try {
			return decodeURIComponent(extended[1].trim().replace(/^"|"$/g, ''));
		} catch {
			// fall through to the plain form
		}
	}
	const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/i.exec(disposition);
	const name = (plain?.[1] ?? plain?.[2])?.trim();
	return name || undefined;
}
