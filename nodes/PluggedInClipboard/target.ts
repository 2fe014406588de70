import type { IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { readParameters, validate } from '../shared/validate';

/** Which entry an operation addresses: by name, or by its index on the stack. */
export type EntryKey = { name: string; idx?: undefined } | { idx: number; name?: undefined };

/** `nameMode`: what the Name picker starts with ('list' to pick an entry, 'name' to type a new one). */
export function keyFields(displayName: string, nameMode: 'list' | 'name' = 'list'): INodeProperties[] {
	return [
		{
			displayName,
			name: 'keyBy',
			type: 'options',
			default: 'name',
			options: [
				{ name: 'Name', value: 'name', description: 'A named entry (key-value memory)' },
				{ name: 'Index', value: 'index', description: 'An indexed entry (stack memory, as Push numbers them from 0)' },
			],
		},
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'user_preferences',
			description: 'Name of the entry (at most 255 characters)',
			displayOptions: { show: { keyBy: ['name'], '@version': [1] } },
		},
		// Version 2 picks the name from the entries (or takes it typed); version 1 saved plain text.
		{
			displayName: 'Name',
			name: 'name',
			type: 'resourceLocator',
			required: true,
			default: { mode: nameMode, value: '' },
			description: 'Name of the entry (at most 255 characters)',
			displayOptions: { show: { keyBy: ['name'], '@version': [{ _cnd: { gte: 2 } }] } },
			modes: [
				{
					displayName: 'From List',
					name: 'list',
					type: 'list',
					typeOptions: { searchListMethod: 'searchEntries', searchable: true },
				},
				{ displayName: 'By Name', name: 'name', type: 'string', placeholder: 'user_preferences' },
			],
		},
		{
			displayName: 'Index',
			name: 'idx',
			type: 'number',
			typeOptions: { numberPrecision: 0 },
			default: 0,
			description: 'Index of the entry. Push numbers entries 0, 1, 2, … and Pop takes the highest.',
			displayOptions: { show: { keyBy: ['index'] } },
		},
	];
}

const keySchema = z.discriminatedUnion('keyBy', [
	z.object({ keyBy: z.literal('name'), name: z.string().min(1, 'is empty').max(255) }),
	// An index from an expression or an AI agent may come as text ("3").
	z.object({
		keyBy: z.literal('index'),
		idx: z.preprocess((v) => (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v), z.number().int()),
	}),
]);

export function readKey(ctx: IExecuteFunctions, node: INode, itemIndex: number): EntryKey {
	const raw = readParameters(ctx, itemIndex, ['keyBy', 'idx']);
	// A picked or typed name (version 2) comes as a resource locator, a version 1 name as text.
	if (raw.keyBy === 'name') raw.name = ctx.getNodeParameter('name', itemIndex, '', { extractValue: true });
	const params = validate(node, keySchema, raw, itemIndex);
	return params.keyBy === 'name' ? { name: params.name } : { idx: params.idx };
}
