import type { INodeProperties } from 'n8n-workflow';

/** Options every operation has: how requests are sent. Read once per execution (from item 0). */
export const REQUEST_OPTIONS: INodeProperties[] = [
	{
		displayName: 'Max Retries',
		name: 'maxRetries',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 10 },
		default: 5,
		description:
			'How often to retry a read or delete after a server error (5xx), a lost connection or a timeout. Writes are never repeated after a 5xx. Rate limits (429) do not count: see Max Rate-Limit Wait.',
	},
	{
		displayName: 'Max Rate-Limit Wait (Seconds)',
		name: 'maxRateLimitWait',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 86400 },
		default: 300,
		description:
			'How long one request may wait for Plugged.in rate limits (429) before its item fails with the time the limit resets. 0 fails at the first 429.',
	},
	{
		displayName: 'Requests in Parallel',
		name: 'parallel',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 50 },
		default: 1,
		description: 'How many items to send at once. Output order is kept; a rate limit slows all of them together.',
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 600 },
		default: 60,
		description: 'How long to wait for each answer from Plugged.in',
	},
];

/** "Return All" plus a "Limit" shown when it is off. */
export function returnAllOrLimit(maxLimit?: number): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: maxLimit },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

export const SIMPLIFY: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

/** A JSON parameter that accepts an object (from an expression) or a JSON string. */
export function jsonField(name: string, displayName: string, description: string): INodeProperties {
	return { displayName, name, type: 'json', default: '{}', description };
}

/** Adds `displayOptions.show.operation` to a field, keeping any conditions it already has. */
export function forOperation(field: INodeProperties, operation: string): INodeProperties {
	const show = { ...(field.displayOptions?.show ?? {}), operation: [operation] };
	return { ...field, displayOptions: { ...field.displayOptions, show } };
}

export function sortByDisplayName(fields: INodeProperties[]): INodeProperties[] {
	return [...fields].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/**
 * An ID parameter as a resource locator: pick from a searchable list (the node's
 * `methods.listSearch[searchMethod]`), or give an ID, or paste a URL (`urlPattern` captures the ID).
 */
export function idLocator(options: {
	name: string;
	displayName: string;
	searchMethod: string;
	idPattern: string;
	idError: string;
	urlPattern?: string;
	urlPlaceholder?: string;
}): INodeProperties {
	const modes = [
		locatorMode('From List', 'list', { typeOptions: { searchListMethod: options.searchMethod, searchable: true } }),
		locatorMode('By ID', 'id', {
			validation: [{ type: 'regex', properties: { regex: options.idPattern, errorMessage: options.idError } }],
		}),
	];
	if (options.urlPattern) {
		modes.push(
			locatorMode('By URL', 'url', {
				placeholder: options.urlPlaceholder,
				extractValue: { type: 'regex', regex: options.urlPattern },
			}),
		);
	}
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes,
	};
}

type LocatorMode = NonNullable<INodeProperties['modes']>[number];

function locatorMode(displayName: string, name: string, extra: Partial<LocatorMode>): LocatorMode {
	return { displayName, name, type: name === 'list' ? 'list' : 'string', ...extra } as LocatorMode;
}
