import type { IDataObject } from 'n8n-workflow';

import { DOCUMENT_PAGE_SIZE } from '../../shared/resources/documents';
import type { PluggedInApi } from '../../shared/transport';
import {
	createdAt,
	DOCUMENT_FILTERS,
	type DocumentFilters,
	documentItem,
	listDocuments,
	PAGE_OVERLAP,
	readDocumentFilters,
} from '../documents';
import { defineEvent } from '../event';
import { advance, EMPTY_WINDOW, oldestFirst, seenCount, type SeenWindow, unseenIn, windowStart } from '../window';

/** A backlog bigger than this (5,000 documents) is read over several polls, oldest first. */
const MAX_CATCH_UP_PAGES = 50;

interface Found {
	at: string;
	key: string;
	document: IDataObject;
}

/**
 * The documents created since the window was last moved. The first request (newest first, from the
 * window's start) usually holds them all; when it cannot (more than a page of unseen documents),
 * the window is read again oldest first, as far as needed, which also lets a huge backlog be split
 * over polls without skipping anything.
 */
async function unseenDocuments(api: PluggedInApi, filters: DocumentFilters, window: SeenWindow): Promise<Found[]> {
	const dateFrom = windowStart(window);
	const known = seenCount(window);
	const isUnseen = unseenIn(window);
	const found = new Map<string, Found>();
	const collect = (documents: IDataObject[]) => {
		for (const document of documents) {
			const candidate = { at: createdAt(document), key: String(document.id), document };
			if (isUnseen(candidate) && !found.has(candidate.key)) found.set(candidate.key, candidate);
		}
	};
	const first = await listDocuments(api, filters, { sort: 'date_desc', dateFrom, limit: DOCUMENT_PAGE_SIZE });
	collect(first.documents);
	// Everything from dateFrom is either remembered or found: nothing more to read.
	if (first.documents.length < DOCUMENT_PAGE_SIZE || found.size + known >= first.total) {
		return oldestFirst([...found.values()].reverse());
	}
	found.clear();
	for (let page = 0, offset = 0; page < MAX_CATCH_UP_PAGES; page++, offset += DOCUMENT_PAGE_SIZE - PAGE_OVERLAP) {
		const next = await listDocuments(api, filters, { sort: 'date_asc', dateFrom, limit: DOCUMENT_PAGE_SIZE, offset });
		collect(next.documents);
		if (next.documents.length < DOCUMENT_PAGE_SIZE || found.size + known >= next.total) break;
	}
	return oldestFirst([...found.values()]);
}

/**
 * First activation: the newest document read sets the watermark, and the documents of its last second
 * that were read are remembered, not emitted. Only what the reads returned counts, so a document
 * created while they run is not recorded as seen and the next poll emits it.
 */
async function windowAtActivation(api: PluggedInApi, filters: DocumentFilters): Promise<SeenWindow> {
	let page = await listDocuments(api, filters, { sort: 'date_desc', limit: DOCUMENT_PAGE_SIZE });
	const newest = page.documents[0];
	if (!newest) return EMPTY_WINDOW;
	const start = { watermark: createdAt(newest), seen: {} };
	const dateFrom = windowStart(start);
	const read: Found[] = [];
	for (let pages = 1, offset = 0; ; pages++) {
		for (const document of page.documents) read.push({ at: createdAt(document), key: String(document.id), document });
		const last = read[read.length - 1];
		// A full page still inside the last second (a burst): read on, newest first, by offset.
		if (page.documents.length < DOCUMENT_PAGE_SIZE || last.at < (dateFrom ?? '') || pages >= MAX_CATCH_UP_PAGES) break;
		offset += DOCUMENT_PAGE_SIZE - PAGE_OVERLAP;
		page = await listDocuments(api, filters, { sort: 'date_desc', dateFrom, limit: DOCUMENT_PAGE_SIZE, offset });
	}
	return advance(
		start,
		read.filter(unseenIn(start)).filter((found) => found.at <= start.watermark),
	);
}

export const documentCreated = defineEvent<DocumentFilters, SeenWindow>({
	option: {
		name: 'Document Created',
		value: 'documentCreated',
		description: 'A document was added to the library (uploaded, AI-generated or via the API)',
	},
	fields: [DOCUMENT_FILTERS],
	readParams: readDocumentFilters,
	stateKey: (filters) => filters,
	async poll(state, api, filters) {
		if (state === undefined) return { items: [], nextState: await windowAtActivation(api, filters) };
		const found = await unseenDocuments(api, filters, state);
		return {
			items: found.map(({ document }) => documentItem('documentCreated', document)),
			nextState: advance(state, found),
		};
	},
	async sample(api, filters) {
		const newest = (await listDocuments(api, filters, { sort: 'date_desc', limit: 1 })).documents[0];
		return newest && documentItem('documentCreated', newest);
	},
});
