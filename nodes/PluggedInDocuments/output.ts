import type { IDataObject } from 'n8n-workflow';

/** Lean fields of Get Many with Simplify on. */
export const LIST_FIELDS = [
	'id',
	'title',
	'description',
	'fileName',
	'fileSize',
	'mimeType',
	'tags',
	'source',
	'visibility',
	'version',
	'createdAt',
	'updatedAt',
];

/** Lean fields of Search with Simplify on. */
export const SEARCH_FIELDS = ['id', 'title', 'snippet', 'relevanceScore', 'source', 'tags', 'visibility', 'createdAt'];

export function pick(source: IDataObject, fields: readonly string[]): IDataObject {
	const out: IDataObject = {};
	for (const field of fields) if (field in source) out[field] = source[field];
	return out;
}

/** Text for these MIME types; the server base64-encodes everything but text/*, JSON and XML. */
export function isTextualMimeType(mimeType: unknown): boolean {
	const type = String(mimeType ?? '')
		.toLowerCase()
		.split(';')[0]
		.trim();
	return (
		type.startsWith('text/') ||
		/^application\/(json|xml)$/.test(type) ||
		/^[\w.-]+\/[\w.-]+\+(json|xml)$/.test(type) ||
		['application/javascript', 'application/yaml', 'application/x-yaml', 'application/markdown'].includes(type)
	);
}

/** The bytes of a document's `content` as the get route sends it. */
export function contentBytes(document: IDataObject): Buffer {
	const content = String(document.content ?? '');
	return document.contentEncoding === 'base64' ? Buffer.from(content, 'base64') : Buffer.from(content, 'utf8');
}

/** Base64 content of a textual document decoded to text; binary documents keep base64. */
export function decodeTextContent(document: IDataObject): IDataObject {
	if (document.contentEncoding !== 'base64' || !isTextualMimeType(document.mimeType)) return document;
	return { ...document, content: contentBytes(document).toString('utf8'), contentEncoding: 'utf-8' };
}
