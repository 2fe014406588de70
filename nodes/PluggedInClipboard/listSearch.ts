import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { PluggedInApi } from '../shared/transport';
import { MAX_PAGE_SIZE } from './entry';

/**
 * The entry-name picker: named entries, newest first, filtered by what the user types. The list
 * has no name filter on the server, so one page of the newest entries is searched here.
 */
export async function searchEntries(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const api = await PluggedInApi.create(this);
	const body = await api.request<IDataObject>({
		method: 'GET',
		path: '/api/clipboard',
		qs: { limit: MAX_PAGE_SIZE, offset: 0 },
	});
	const wanted = filter?.trim().toLowerCase() ?? '';
	const names = ((body.entries as IDataObject[]) ?? [])
		.map((entry) => entry.name)
		.filter((name): name is string => typeof name === 'string' && name.toLowerCase().includes(wanted));
	return { results: [...new Set(names)].map((name) => ({ name, value: name })) };
}
