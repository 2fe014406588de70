import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { normaliseTimestamps, toIsoZ } from '../dates';
import { PluggedInApi } from '../transport';

/** The list route's maximum page (limit > 100 is a 400). */
export const DOCUMENT_PAGE_SIZE = 100;

/** Where a document's path-based routes live. */
export function documentPath(id: string, suffix = ''): string {
	return `/api/documents/${encodeURIComponent(id)}${suffix}`;
}

/** "?a=1&tags=x&tags=y": arrays as repeated keys, the only list form the list route reads ("a,b" is one tag). */
export function queryString(params: Record<string, string | number | boolean | string[] | undefined>): string {
	const parts: string[] = [];
	for (const [key, value] of Object.entries(params)) {
		if (value === undefined || value === '') continue;
		for (const entry of Array.isArray(value) ? value : [value]) {
			parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(entry))}`);
		}
	}
	return parts.length ? `?${parts.join('&')}` : '';
}

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

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The Document picker: newest first, filtered by title or description as the user types. */
export async function searchDocuments(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const api = await PluggedInApi.create(this);
	const offset = Number(paginationToken ?? 0) || 0;
	const body = await api.request<IDataObject>({
		method: 'GET',
		path:
			'/api/documents' +
			queryString({ searchQuery: filter?.trim() || undefined, sort: 'date_desc', limit: DOCUMENT_PAGE_SIZE, offset }),
	});
	const documents = (body.documents as IDataObject[]) ?? [];
	const next = offset + documents.length;
	return {
		results: documents.map((document) => ({
			name: String(document.title ?? document.id),
			value: String(document.id),
			url: `${api.baseUrl}/library/${String(document.id)}`,
		})),
		paginationToken: documents.length === DOCUMENT_PAGE_SIZE && next < Number(body.total) ? String(next) : undefined,
	};
}
