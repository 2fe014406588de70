import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { idLocator, sortByDisplayName } from '../shared/fields';
import { parseList } from '../shared/json';
import { LIBRARY_URL_PATTERN, UUID_PATTERN } from '../shared/resources/ids';
import { failInvalid, validate } from '../shared/validate';
import { readDate } from './parameters';

export const DOCUMENT_ID: INodeProperties = {
	...idLocator({
		name: 'documentId',
		displayName: 'Document',
		searchMethod: 'searchDocuments',
		idPattern: UUID_PATTERN,
		idError: 'A document ID is a UUID, such as 3f2b9c4e-8a1d-4e5f-9b6a-0c1d2e3f4a5b',
		urlPattern: LIBRARY_URL_PATTERN,
		urlPlaceholder: 'https://plugged.in/library/3f2b9c4e-8a1d-4e5f-9b6a-0c1d2e3f4a5b',
	}),
	description: 'The document: pick it from the library, or give its ID or its /library/<id> URL',
};

export const VERSION_NUMBER: INodeProperties = {
	displayName: 'Version Number',
	name: 'versionNumber',
	type: 'number',
	required: true,
	typeOptions: { minValue: 1, numberPrecision: 0 },
	default: 2,
	description:
		'The version to use. Plugged.in keeps a copy of every version an update creates (2 and up); the original version 1 has none.',
};

export function binaryPropertyField(displayName: string, description: string): INodeProperties {
	return { displayName, name: 'binaryPropertyName', type: 'string', default: 'data', required: true, description };
}

const SOURCE: INodeProperties = {
	displayName: 'Source',
	name: 'source',
	type: 'options',
	default: 'ai_generated',
	options: [
		{ name: 'AI Generated', value: 'ai_generated' },
		{ name: 'API', value: 'api' },
		{ name: 'Upload', value: 'upload' },
	],
	description: 'Only documents created this way',
};

const FILTERS: INodeProperties[] = [
	SOURCE,
	{
		displayName: 'Tags',
		name: 'tags',
		type: 'string',
		default: '',
		placeholder: 'report, finance',
		description: 'Comma-separated tags. A document matches when it has any of them.',
	},
	{
		displayName: 'Model Name',
		name: 'modelName',
		type: 'string',
		default: '',
		placeholder: 'claude-sonnet-4',
		description: 'Only documents whose AI model has exactly this name',
	},
	{
		displayName: 'Model Provider',
		name: 'modelProvider',
		type: 'string',
		default: '',
		placeholder: 'anthropic',
		description: 'Only documents whose AI model comes from exactly this provider',
	},
	{
		displayName: 'Created After',
		name: 'dateFrom',
		type: 'dateTime',
		default: '',
		description: 'Only documents created at or after this time (in the workflow time zone unless it has one)',
	},
	{
		displayName: 'Created Before',
		name: 'dateTo',
		type: 'dateTime',
		default: '',
		description: 'Only documents created at or before this time (in the workflow time zone unless it has one)',
	},
];

const LIST_ONLY_FILTERS: INodeProperties[] = [
	{
		displayName: 'Visibility',
		name: 'visibility',
		type: 'options',
		default: 'private',
		options: [
			{ name: 'Private', value: 'private' },
			{ name: 'Public', value: 'public' },
			{ name: 'Workspace', value: 'workspace' },
		],
		description: 'Only documents with this visibility',
	},
	{
		displayName: 'Search Text',
		name: 'searchQuery',
		type: 'string',
		default: '',
		description:
			'Only documents whose title or description contains this text (case-insensitive; % and _ are wildcards)',
	},
];

/** The Filters collection of Get Many (all filters) or Search (no visibility or text filter). */
export function filtersField(forList: boolean): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: sortByDisplayName(forList ? [...FILTERS, ...LIST_ONLY_FILTERS] : FILTERS),
	};
}

export interface DocumentFilters {
	source?: string;
	tags?: string[];
	modelName?: string;
	modelProvider?: string;
	dateFrom?: string;
	dateTo?: string;
	visibility?: string;
	searchQuery?: string;
}

/** Filters travel in the URL of Get Many: bounded, so the URL stays under the server's 16 KB limit (else a 431). */
const filterText = (max: number) => z.string().max(max, `must be at most ${max} characters`);
const filtersSchema = z.object({
	source: z.enum(['ai_generated', 'api', 'upload', 'all']).optional(),
	tags: z.array(filterText(100)).max(20, 'at most 20 tags').optional(),
	modelName: filterText(200).optional(),
	modelProvider: filterText(200).optional(),
	visibility: z.enum(['private', 'workspace', 'public', 'all']).optional(),
	searchQuery: filterText(500).optional(),
});

/** The Filters collection of one item, checked, with dates as UTC ISO Z. Empty entries are dropped. */
export function readFilters(ctx: IExecuteFunctions, node: INode, itemIndex: number): DocumentFilters {
	const raw = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
	const checked = validate(
		node,
		filtersSchema,
		{
			source: text(raw.source),
			tags: parseList(raw.tags),
			modelName: text(raw.modelName),
			modelProvider: text(raw.modelProvider),
			visibility: text(raw.visibility),
			searchQuery: text(raw.searchQuery),
		},
		itemIndex,
	);
	const timeZone = ctx.getTimezone();
	const dateFrom = readDate(node, { name: 'dateFrom', label: 'Created After' }, raw.dateFrom, timeZone, itemIndex);
	const dateTo = readDate(node, { name: 'dateTo', label: 'Created Before' }, raw.dateTo, timeZone, itemIndex);
	if (dateFrom && dateTo && dateFrom > dateTo) {
		failInvalid(node, `"Created Before" (dateTo): ${dateTo} is earlier than "Created After" ${dateFrom}`, itemIndex);
	}
	const filters: DocumentFilters = { ...checked, dateFrom, dateTo };
	return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined));
}
