import type { INodeProperties, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { z } from 'zod';

import { parameterLabel } from '../shared/validate';

/** The named parameters; one hidden by the chosen event reads as undefined. */
export function readPollParameters(ctx: IPollFunctions, names: readonly string[]): Record<string, unknown> {
	const params: Record<string, unknown> = {};
	for (const name of names) {
		const value = ctx.getNodeParameter(name, null);
		params[name] = value === null ? undefined : value;
	}
	return params;
}

/** Checks the parameters before any request; a failure names the parameter. */
export function checkParams<S extends z.ZodTypeAny>(ctx: IPollFunctions, schema: S, params: unknown): z.output<S> {
	const result = schema.safeParse(params);
	if (result.success) return result.data;
	const issue = result.error.issues[0];
	const name = issue.path.filter((part: string | number) => typeof part === 'string').pop() as string | undefined;
	const subject = name ? `"${parameterLabel(name)}" (${name})` : 'Parameters';
	throw new NodeOperationError(ctx.getNode(), `Invalid parameter ${subject}: ${issue.message}`, {
		description: 'Fix the parameter of the trigger. Nothing was sent to Plugged.in.',
	});
}

/** Shows a field only for the given events. */
export function forEvents(field: INodeProperties, events: string[]): INodeProperties {
	const show = { ...(field.displayOptions?.show ?? {}), event: events };
	return { ...field, displayOptions: { ...field.displayOptions, show } };
}

/** "a, b,,c" → ["a", "b", "c"] */
export function commaList(value: unknown): string[] {
	return String(value ?? '')
		.split(',')
		.map((entry) => entry.trim())
		.filter(Boolean);
}
