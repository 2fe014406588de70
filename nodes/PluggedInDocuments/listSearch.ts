import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { PluggedInApi } from '../shared/transport';
import { queryString } from './helpers';

const PAGE_SIZE = 100;

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
			queryString({ searchQuery: filter?.trim() || undefined, sort: 'date_desc', limit: PAGE_SIZE, offset }),
	});
	const documents = (body.documents as IDataObject[]) ?? [];
	const next = offset + documents.length;
	return {
		results: documents.map((document) => ({
			name: String(document.title ?? document.id),
			value: String(document.id),
			url: `${api.baseUrl}/library/${String(document.id)}`,
		})),
		paginationToken: documents.length === PAGE_SIZE && next < Number(body.total) ? String(next) : undefined,
	};
}
