import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { CLIPBOARD_PAGE_SIZE, normaliseEntry } from '../../shared/resources/clipboard';
import type { PluggedInApi } from '../../shared/transport';
import { readParameters, validate } from '../../shared/validate';
import { defineEvent } from '../event';
import { advance, EMPTY_WINDOW, oldestFirst, type SeenWindow, stamp, unseenIn } from '../window';

/** Pages overlap by this many rows: an entry deleted or popped between two requests shifts the rest up. */
const PAGE_OVERLAP = 50;

const schema = z.object({ namePrefix: z.string().default('') });
type Params = z.output<typeof schema>;

/**
 * Set (new or upserted by name) and pushed entries. The list is ordered by createdAt and an upsert
 * keeps createdAt, so every poll reads the whole clipboard and compares uuid + updatedAt against a
 * watermark on updatedAt.
 */
async function listEntries(api: PluggedInApi, params: Params) {
	const byUuid = new Map<string, IDataObject>();
	for (let offset = 0; ; offset += CLIPBOARD_PAGE_SIZE - PAGE_OVERLAP) {
		const body = await api.request<IDataObject>({
			method: 'GET',
			path: '/api/clipboard',
			qs: { limit: CLIPBOARD_PAGE_SIZE, offset },
		});
		const entries = Array.isArray(body.entries) ? (body.entries as IDataObject[]) : [];
		for (const entry of entries) byUuid.set(String(entry.uuid), entry);
		if (entries.length < CLIPBOARD_PAGE_SIZE) break;
	}
	// Oldest created first, so entries changed in the same instant keep the order they were made in.
	return [...byUuid.values()]
		.reverse()
		.filter((entry) => !params.namePrefix || String(entry.name ?? '').startsWith(params.namePrefix))
		.map((entry) => ({ at: stamp(entry.updatedAt), key: String(entry.uuid), entry }));
}

/**
 * A new entry's timestamps are not equal on the real server (set: updatedAt about 1 ms before createdAt,
 * one from the app, one from the database; push: equal); an overwrite moves updatedAt on by the time since.
 */
const CREATED_WITHIN_MS = 1_000;

function entryItem(entry: IDataObject): IDataObject {
	const normalised = normaliseEntry(entry);
	const apart = Math.abs(Date.parse(String(normalised.updatedAt)) - Date.parse(String(normalised.createdAt)));
	const change = apart < CREATED_WITHIN_MS ? 'created' : 'updated';
	return { event: 'clipboardEntryChanged', change, ...normalised };
}

export const clipboardEntryChanged = defineEvent<Params, SeenWindow>({
	option: {
		name: 'Clipboard Entry Changed',
		value: 'clipboardEntryChanged',
		description: 'A clipboard entry was set (created or overwritten by name) or pushed',
	},
	fields: [
		{
			displayName: 'Name Prefix',
			name: 'namePrefix',
			type: 'string',
			default: '',
			placeholder: 'session_',
			description:
				'Only entries whose name starts with this (case-sensitive). Pushed entries have no name: set a prefix only to watch named entries.',
		},
	],
	readParams: (ctx) => validate(ctx.getNode(), schema, readParameters(ctx, undefined, ['namePrefix'])),
	stateKey: (params) => params,
	async poll(state, api, params) {
		const entries = await listEntries(api, params);
		if (state === undefined) return { items: [], nextState: advance(EMPTY_WINDOW, entries) };
		const changed = oldestFirst(entries.filter(unseenIn(state)));
		return { items: changed.map(({ entry }) => entryItem(entry)), nextState: advance(state, changed) };
	},
	async sample(api, params) {
		const latest = oldestFirst(await listEntries(api, params)).pop();
		return latest && entryItem(latest.entry);
	},
});
