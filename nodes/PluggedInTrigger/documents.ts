import type { IDataObject, INodeProperties, IPollFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { parseList } from '../shared/json';
import { DOCUMENT_PAGE_SIZE, normaliseDocument, queryString } from '../shared/resources/documents';
import type { PluggedInApi } from '../shared/transport';
import { readParameters, validate } from '../shared/validate';
import { stamp } from './window';
/**
 * Each next page starts this many rows before the end of the previous one: the list pages by
 * offset, so a document deleted between two page requests shifts the rest up by one.
 */
export const PAGE_OVERLAP = 10;

export const DOCUMENT_FILTERS: INodeProperties = {
	displayName: 'Filters',
	name: 'documentFilters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	description: 'Applied by Plugged.in. Changing them starts the trigger over (the next poll only records).',
	options: [
		{
			displayName: 'Model Provider',
			name: 'modelProvider',
			type: 'string',
			default: '',
			placeholder: 'anthropic',
			description: 'Only documents whose AI model is from this provider (exact match)',
		},
		{
			displayName: 'Source',
			name: 'source',
			type: 'options',
			default: 'all',
			options: [
				{ name: 'AI Generated', value: 'ai_generated' },
				{ name: 'All', value: 'all' },
				{ name: 'API', value: 'api' },
				{ name: 'Upload', value: 'upload' },
			],
		},
		{
			displayName: 'Tags',
			name: 'tags',
			type: 'string',
			default: '',
			placeholder: 'report, finance',
			description: 'Comma-separated; a document matches when it has any of them',
		},
	],
};

const filtersSchema = z.object({
	source: z.enum(['all', 'upload', 'ai_generated', 'api']).default('all'),
	tags: z.array(z.string().min(1)).default([]),
	modelProvider: z.string().trim().optional(),
});

export type DocumentFilters = z.output<typeof filtersSchema>;

export function readDocumentFilters(ctx: IPollFunctions): DocumentFilters {
	const raw = (readParameters(ctx, undefined, ['documentFilters']).documentFilters ?? {}) as IDataObject;
	const filters = { ...raw, tags: parseList(raw.tags) ?? [], modelProvider: raw.modelProvider || undefined };
	return validate(ctx.getNode(), z.object({ documentFilters: filtersSchema }), { documentFilters: filters })
		.documentFilters;
}

export interface DocumentPage {
	documents: IDataObject[];
	total: number;
}

/** One page of GET /api/documents with the filters; dateFrom is inclusive (created_at >= dateFrom). */
export async function listDocuments(
	api: PluggedInApi,
	filters: DocumentFilters,
	page: { sort: 'date_desc' | 'date_asc'; limit: number; offset?: number; dateFrom?: string },
): Promise<DocumentPage> {
	const query = queryString({
		sort: page.sort,
		dateFrom: page.dateFrom,
		limit: page.limit,
		offset: page.offset || undefined,
		source: filters.source === 'all' ? undefined : filters.source,
		modelProvider: filters.modelProvider,
		tags: filters.tags,
	});
	const body = await api.request<IDataObject>({ method: 'GET', path: `/api/documents${query}` });
	const documents = Array.isArray(body.documents) ? (body.documents as IDataObject[]) : [];
	return { documents, total: Number(body.total ?? documents.length) };
}

/** Every document (newest first by creation), deduplicated across the overlapping pages. */
export async function listAllDocuments(api: PluggedInApi, filters: DocumentFilters): Promise<IDataObject[]> {
	const byId = new Map<string, IDataObject>();
	for (let offset = 0; ; offset += DOCUMENT_PAGE_SIZE - PAGE_OVERLAP) {
		const { documents } = await listDocuments(api, filters, { sort: 'date_desc', limit: DOCUMENT_PAGE_SIZE, offset });
		for (const document of documents) byId.set(String(document.id), document);
		if (documents.length < DOCUMENT_PAGE_SIZE) return [...byId.values()];
	}
}

/** The output item: the event, then the document as the Documents node outputs it. */
export function documentItem(event: string, document: IDataObject): IDataObject {
	return { event, ...normaliseDocument(document) };
}

export const createdAt = (document: IDataObject): string => stamp(document.createdAt);
export const updatedAt = (document: IDataObject): string => stamp(document.updatedAt);
