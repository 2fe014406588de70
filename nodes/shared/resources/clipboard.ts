import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { normaliseTimestamps } from '../dates';
import { PluggedInApi } from '../transport';

/** A clipboard entry as the server sends it (pop leaves out `source`). */
export interface ClipboardEntry extends IDataObject {
	uuid: string;
	name?: string | null;
	idx: number | null;
	value: string;
	contentType: string;
	encoding: string;
	createdAt: string;
	updatedAt: string;
	expiresAt: string | null;
}

export const ENCODINGS = ['utf-8', 'base64', 'hex'] as const;

/** The server's list cap per request (GET /api/clipboard?limit ≤ 1000). */
export const CLIPBOARD_PAGE_SIZE = 1000;

/** Push and pop answer with database text ("2026-11-30 05:50:45.145756+00"): every operation outputs ISO Z. */
export function normaliseEntry(entry: IDataObject): IDataObject {
	return normaliseTimestamps(entry, ['createdAt', 'updatedAt', 'expiresAt']);
}

/**
 * The entry-name picker: named entries, newest first, filtered by what the user types. The list
 * has no name filter on the server, so one page of the newest entries is searched here.
 */
export async function searchEntries(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const api = await PluggedInApi.create(this);
	const body = await api.request<IDataObject>({
		method: 'GET',
		path: '/api/clipboard',
		qs: { limit: CLIPBOARD_PAGE_SIZE, offset: 0 },
	});
	const wanted = filter?.trim().toLowerCase() ?? '';
	const names = ((body.entries as IDataObject[]) ?? [])
		.map((entry) => entry.name)
		.filter((name): name is string => typeof name === 'string' && name.toLowerCase().includes(wanted));
	return { results: [...new Set(names)].map((name) => ({ name, value: name })) };
}
