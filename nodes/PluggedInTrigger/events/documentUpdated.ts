import type { IDataObject } from 'n8n-workflow';

import { DOCUMENT_PAGE_SIZE } from '../../shared/resources/documents';
import {
	DOCUMENT_FILTERS,
	type DocumentFilters,
	documentItem,
	listAllDocuments,
	listDocuments,
	readDocumentFilters,
	updatedAt,
} from '../documents';
import { defineEvent } from '../event';
import { advance, EMPTY_WINDOW, oldestFirst, type SeenWindow, unseenIn } from '../window';

/**
 * A document that got a new version (version above 1). The server can neither filter nor sort on
 * updatedAt, so every poll reads the whole (filtered) library; the state stays small all the
 * same: a watermark on updatedAt and the `id@version` keys of the last second.
 */
function updates(documents: IDataObject[]) {
	// Oldest created first: updates of the same instant keep a stable order.
	return [...documents]
		.reverse()
		.filter((document) => Number(document.version) > 1)
		.map((document) => ({
			at: updatedAt(document),
			key: `${String(document.id)}@${String(document.version)}`,
			document,
		}));
}

export const documentUpdated = defineEvent<DocumentFilters, SeenWindow>({
	option: {
		name: 'Document Updated',
		value: 'documentUpdated',
		description: 'A document got a new version (update, append, prepend or version restore)',
	},
	fields: [DOCUMENT_FILTERS],
	readParams: readDocumentFilters,
	stateKey: (filters) => filters,
	async poll(state, api, filters) {
		const candidates = updates(await listAllDocuments(api, filters));
		if (state === undefined) return { items: [], nextState: advance(EMPTY_WINDOW, candidates) };
		const changed = oldestFirst(candidates.filter(unseenIn(state)));
		return {
			items: changed.map(({ document }) => documentItem('documentUpdated', document)),
			nextState: advance(state, changed),
		};
	},
	async sample(api, filters) {
		const { documents } = await listDocuments(api, filters, { sort: 'date_desc', limit: DOCUMENT_PAGE_SIZE });
		const latest = oldestFirst(updates(documents)).pop()?.document ?? documents[0];
		return latest && documentItem('documentUpdated', latest);
	},
});
