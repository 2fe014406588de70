import type { IExecuteFunctions, ILoadOptionsFunctions, INode, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { z } from 'zod';

/** Labels the UI shows that the parameter's name does not spell (checked against every node's fields by a test). */
const UI_LABELS: Readonly<Record<string, string>> = {
	agentId: 'Agent',
	// Validated only where it names the output field (Documents → Get); the input field's check has its own words.
	binaryPropertyName: 'Put Output File in Field',
	cpuLimit: 'CPU Limit',
	cpuPercent: 'CPU (%)',
	cpuRequest: 'CPU Request',
	createdByModel: 'Created by Model',
	createdByTool: 'Created by Tool',
	dateFrom: 'Created After',
	dateTo: 'Created Before',
	documentFilters: 'Filters',
	documentId: 'Document',
	drainTimeoutSeconds: 'Drain Timeout (Seconds)',
	envOverrides: 'Environment Overrides',
	heartbeatMode: 'Mode',
	idx: 'Index',
	maxRateLimitWait: 'Max Rate-Limit Wait (Seconds)',
	memoryMb: 'Memory (MB)',
	notificationFilters: 'Filters',
	notificationId: 'Notification',
	outputMode: 'Output',
	outputOnTimeout: 'Output on Timeout',
	parallel: 'Requests in Parallel',
	pollIntervalSeconds: 'Poll Interval (Seconds)',
	searchQuery: 'Search Text',
	severities: 'Severity',
	targetState: 'State',
	timeout: 'Timeout (Seconds)',
	timeoutSeconds: 'Timeout (Seconds)',
	ttlSeconds: 'TTL (Seconds)',
	types: 'Type',
	uptimeSeconds: 'Uptime (Seconds)',
	valueAsFile: 'Output Value as File',
	watchRoundTrips: 'Catch Undone Changes',
};

/** "modelName" → "Model Name", "cpuPercent" → "CPU (%)": the label n8n shows for a parameter. */
export function parameterLabel(name: string): string {
	if (Object.hasOwn(UI_LABELS, name)) return UI_LABELS[name];
	const spaced = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ');
	const label = spaced.charAt(0).toUpperCase() + spaced.slice(1);
	return label.replace(/\bId\b/g, 'ID').replace(/\bUrl\b/g, 'URL');
}

/**
 * Checks parameters against their schema before any request is sent. A failure names the
 * parameter (its label and its name) and, in an execution, the item (a poll has none).
 */
export function validate<S extends z.ZodTypeAny>(
	node: INode,
	schema: S,
	params: unknown,
	itemIndex?: number,
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

export function failInvalid(node: INode, message: string, itemIndex?: number, description?: string): never {
	if (itemIndex === undefined) {
		throw new NodeOperationError(node, `Invalid parameter ${message}`, {
			description: description ?? 'Fix the parameter of the trigger. Nothing was sent to Plugged.in.',
		});
	}
	throw new NodeOperationError(node, `Invalid parameter ${message} [item ${itemIndex}]`, {
		itemIndex,
		description: description ?? 'Fix the parameter and run the node again. Nothing was sent to Plugged.in.',
	});
}

/**
 * The parameters to read: names (one hidden by the node's other settings reads as undefined, so the
 * schema's default applies), or names with the value to use when hidden.
 */
export type ParameterNames = readonly string[] | Readonly<Record<string, unknown>>;

/** Reads the parameters of one item of an execution. */
export function readParameters(
	ctx: IExecuteFunctions,
	itemIndex: number,
	names: ParameterNames,
): Record<string, unknown>;
/** Reads the parameters of a poll or a list search (the node's, no item). */
export function readParameters(
	ctx: IPollFunctions | ILoadOptionsFunctions,
	itemIndex: undefined,
	names: ParameterNames,
): Record<string, unknown>;
export function readParameters(
	ctx: IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions,
	itemIndex: number | undefined,
	names: ParameterNames,
): Record<string, unknown> {
	const fallbacks: Record<string, unknown> = Array.isArray(names)
		? Object.fromEntries(names.map((name) => [name, undefined]))
		: (names as Record<string, unknown>);
	const params: Record<string, unknown> = {};
	for (const [name, fallback] of Object.entries(fallbacks)) {
		// n8n throws "Could not get parameter" for a hidden parameter read without a fallback, hence null.
		const value =
			itemIndex === undefined
				? (ctx as IPollFunctions).getNodeParameter(name, fallback ?? null)
				: (ctx as IExecuteFunctions).getNodeParameter(name, itemIndex, fallback ?? null);
		params[name] = value === null && fallback === undefined ? undefined : value;
	}
	return params;
}
