import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { z } from 'zod';

/** "modelName" → "Model Name", "userId" → "User ID": the label n8n shows for a parameter. */
export function parameterLabel(name: string): string {
	const spaced = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ');
	const label = spaced.charAt(0).toUpperCase() + spaced.slice(1);
	return label.replace(/\bId\b/g, 'ID').replace(/\bUrl\b/g, 'URL');
}

/**
 * Checks an operation's parameters against its schema before any request is sent.
 * A failure names the parameter (its label and its name) and the item.
 */
export function validate<S extends z.ZodTypeAny>(
	node: INode,
	schema: S,
	params: unknown,
	itemIndex: number,
): z.output<S> {
	const result = schema.safeParse(params);
	if (result.success) return result.data;
	const issue = result.error.issues[0];
	const name = issue.path.filter((part: string | number) => typeof part === 'string').pop() as string | undefined;
	const subject = name ? `"${parameterLabel(name)}" (${name})` : 'Parameters';
	const others = result.error.issues.length - 1;
	return failInvalid(
		node,
		`${subject}: ${issue.message}`,
		itemIndex,
		others > 0 ? `${others} more problem(s) in this item's parameters.` : undefined,
	);
}

export function failInvalid(node: INode, message: string, itemIndex: number, description?: string): never {
	throw new NodeOperationError(node, `Invalid parameter ${message} [item ${itemIndex}]`, {
		itemIndex,
		description: description ?? 'Fix the parameter and run the node again. Nothing was sent to Plugged.in.',
	});
}

/**
 * Reads the named parameters of one item; a parameter hidden by the node's other settings reads as
 * undefined (n8n throws "Could not get parameter" for it when the fallback is undefined, hence null).
 */
export function readParameters(
	ctx: IExecuteFunctions,
	itemIndex: number,
	names: readonly string[],
): Record<string, unknown> {
	const params: Record<string, unknown> = {};
	for (const name of names) {
		const value = ctx.getNodeParameter(name, itemIndex, null);
		params[name] = value === null ? undefined : value;
	}
	return params;
}
