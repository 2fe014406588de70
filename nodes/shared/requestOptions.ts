import type { INode } from 'n8n-workflow';
import { z } from 'zod';

import type { TransportOptions } from './transport';
import { validate } from './validate';

/** A number option in its range; an expression may give it as text ("5"), a cleared field as null. */
const numberOption = (min: number, max: number, integer: boolean) =>
	z.preprocess(
		(value) =>
			value === null
				? undefined
				: typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)
					? Number(value)
					: value,
		(integer ? z.number().int() : z.number()).min(min).max(max).optional(),
	);

/** The shared request options (REQUEST_OPTIONS in fields.ts), in their allowed ranges. */
const requestOptionsSchema = z.object({
	options: z
		.object({
			timeout: numberOption(1, 600, false),
			maxRetries: numberOption(0, 10, true),
			maxRateLimitWait: numberOption(0, 86_400, false),
			parallel: numberOption(1, 50, true),
		})
		.passthrough(),
});

export type RequestOptions = z.output<typeof requestOptionsSchema>['options'];

/**
 * The node's Options collection, checked like any parameter (a timeout of -5 or 1e308 from an
 * expression would break every request). `itemIndex` is 0 in an execution, undefined in a poll.
 */
export function checkRequestOptions(node: INode, options: unknown, itemIndex?: number): RequestOptions {
	return validate(node, requestOptionsSchema, { options: options ?? {} }, itemIndex).options;
}

/** What the transport takes from the request options. */
export function transportOptions(options: RequestOptions): Partial<TransportOptions> {
	return {
		timeoutMs: options.timeout === undefined ? undefined : options.timeout * 1000,
		maxRetries: options.maxRetries,
		maxRateLimitWaitMs: options.maxRateLimitWait === undefined ? undefined : options.maxRateLimitWait * 1000,
	};
}
