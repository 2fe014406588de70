import type { IDataObject, INode } from 'n8n-workflow';

import { failInvalid, parameterLabel } from './validate';

/**
 * A JSON parameter as an object: n8n gives an object when the value comes from an expression,
 * a string when typed. Empty means undefined. Anything else names the parameter in the error.
 */
export function parseJsonObject(node: INode, name: string, value: unknown, itemIndex: number): IDataObject | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	let parsed = value;
	if (typeof value === 'string') {
		if (value.trim() === '' || value.trim() === '{}') return undefined;
		try {
			parsed = JSON.parse(value);
		} catch {
			return failInvalid(node, `"${parameterLabel(name)}" (${name}): is not valid JSON`, itemIndex);
		}
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		return failInvalid(node, `"${parameterLabel(name)}" (${name}): must be a JSON object`, itemIndex);
	}
	return Object.keys(parsed).length ? (parsed as IDataObject) : undefined;
}

/** A list typed as "a, b, c" or given as an array by an expression → trimmed, non-empty strings. */
export function parseList(value: unknown): string[] | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const list = Array.isArray(value) ? value.map(String) : String(value).split(',');
	const cleaned = list.map((entry) => entry.trim()).filter(Boolean);
	return cleaned.length ? cleaned : undefined;
}
