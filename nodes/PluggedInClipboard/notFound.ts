import type { IDataObject, INode, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/** The two 404 bodies of the clipboard routes; any other 404 (a wrong base URL) stays an error. */
export const ENTRY_NOT_FOUND = 'Clipboard entry not found';
export const NOTHING_TO_POP = 'No indexed entries to pop';

export interface NotFoundOptions {
	ifNotFound?: 'fail' | 'outputNotFound';
}

/** Get, Pop and Delete: a missing entry fails the item, or outputs `{found: false}` for an If node to branch on. */
export function notFoundOption(missing: string): INodeProperties {
	return {
		displayName: 'If Not Found',
		name: 'ifNotFound',
		type: 'options',
		default: 'fail',
		options: [
			{ name: 'Fail', value: 'fail', description: `Stop with an error when ${missing}` },
			{
				name: 'Output Found: False',
				value: 'outputNotFound',
				description: `Output {"found": false} when ${missing}, and add "found": true to what is found. For the clipboard as a cache: branch on the "found" field.`,
			},
		],
	};
}

/** `found: true` on results only when the user asked for the found/not-found shape. */
export function foundFlag(options: NotFoundOptions): IDataObject {
	return options.ifNotFound === 'outputNotFound' ? { found: true } : {};
}

/** The request's body, or `undefined` when the server answered the given 404. */
export async function unlessMissing<T>(
	node: INode,
	send: () => Promise<T>,
	notFoundText: string,
): Promise<T | undefined> {
	try {
		return await send();
	} catch (error) {
		const body = error instanceof NodeApiError ? (error.errorResponse as JsonObject | undefined) : undefined;
		if (error instanceof NodeApiError && error.httpCode === '404' && body?.error === notFoundText) return undefined;
		// Hands back the same NodeApiError (n8n does not wrap one twice).
		throw new NodeApiError(node, error as JsonObject);
	}
}

/** What a missing entry gives: `{found: false, ...key}`, or an error that says what was missing and what to do. */
export function missingResult(
	node: INode,
	options: NotFoundOptions,
	missing: { key: IDataObject; message: string; serverText: string },
	itemIndex: number,
): IDataObject {
	if (options.ifNotFound === 'outputNotFound') return { found: false, ...missing.key };
	throw new NodeApiError(
		node,
		{ error: missing.serverText },
		{
			message: missing.message,
			description: `Plugged.in answered 404 "${missing.serverText}". To continue the workflow instead, set Options → If Not Found to "Output Found: False" and branch on the "found" field.`,
			httpCode: '404',
			itemIndex,
		},
	);
}

/** `named "x"` or `with index 3`, for messages. */
export function describeKey(key: { name?: string; idx?: number }): string {
	return key.name !== undefined ? `named "${key.name}"` : `with index ${key.idx}`;
}
