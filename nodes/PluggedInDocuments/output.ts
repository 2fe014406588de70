import type { IDataObject } from 'n8n-workflow';

import { normaliseTimestamps, toIsoZ } from '../shared/dates';

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

/**
 * A document as the list, get or search route sends it → the node's output: the server's field
 * names, timestamps as ISO Z, attributions in camelCase (list and search send snake_case),
 * relevanceScore as a number.
 */
export function normaliseDocument(document: IDataObject): IDataObject {
	const out = normaliseTimestamps(document, ['createdAt', 'updatedAt']);
	if (Array.isArray(document.modelAttributions)) {
		out.modelAttributions = (document.modelAttributions as IDataObject[]).map(camelCaseAttribution);
	}
	if (Array.isArray(document.versions)) {
		out.versions = (document.versions as IDataObject[]).map((version) => normaliseTimestamps(version, ['createdAt']));
	}
	if (isObject(document.aiMetadata)) out.aiMetadata = normaliseTimestamps(document.aiMetadata, ['timestamp']);
	if ('relevanceScore' in document) out.relevanceScore = Number(document.relevanceScore);
	return out;
}

function camelCaseAttribution(attribution: IDataObject): IDataObject {
	const out: IDataObject = {
		modelName: attribution.modelName ?? attribution.model_name,
		modelProvider: attribution.modelProvider ?? attribution.model_provider,
		contributionType: attribution.contributionType ?? attribution.contribution_type,
	};
	if (attribution.timestamp !== undefined) out.timestamp = toIsoZ(attribution.timestamp) ?? attribution.timestamp;
	if (attribution.metadata !== undefined) out.metadata = attribution.metadata;
	return out;
}

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

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
