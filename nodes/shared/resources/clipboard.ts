import type { IDataObject } from 'n8n-workflow';

import { normaliseTimestamps } from '../dates';

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
