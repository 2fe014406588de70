import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** What an operation may return for one input item: plain JSON, several JSON objects, or full items (binary). */
export type OperationResult = IDataObject | IDataObject[] | INodeExecutionData | INodeExecutionData[];

/**
 * Runs `run` once per input item, at most `concurrency` at a time, and returns the outputs
 * in input order, each with `pairedItem`. With Continue On Fail a failed item becomes an
 * error item (paired with its input); without it the first failing item (in input order) stops the node.
 */
export async function runPerItem(
	ctx: IExecuteFunctions,
	run: (itemIndex: number) => Promise<OperationResult>,
	concurrency = 1,
): Promise<INodeExecutionData[]> {
	const count = ctx.getInputData().length;
	const results: INodeExecutionData[][] = new Array(count);
	const continueOnFail = ctx.continueOnFail();
	const node = ctx.getNode();
	// Version 2 nodes give the error output's shape in both Continue modes; version 1 keeps its flat item.
	const nestedError = node.onError === 'continueErrorOutput' || node.typeVersion >= 2;
	let next = 0;
	let stopAt = Infinity;
	const failures = new Map<number, Error>();

	const worker = async () => {
		while (next < count && next < stopAt) {
			const itemIndex = next++;
			try {
				results[itemIndex] = toItems(await run(itemIndex), itemIndex);
			} catch (error) {
				const nodeError = asNodeError(ctx, error, itemIndex);
				if (!continueOnFail) {
					failures.set(itemIndex, nodeError);
					stopAt = Math.min(stopAt, itemIndex);
					continue;
				}
				results[itemIndex] = [errorItem(nodeError, itemIndex, nestedError)];
			}
		}
	};
	const workers = Math.max(1, Math.min(Math.floor(concurrency) || 1, count));
	await Promise.all(Array.from({ length: workers }, worker));

	if (failures.size > 0) throw failures.get(Math.min(...failures.keys()));
	return results.flat();
}

function toItems(result: OperationResult, itemIndex: number): INodeExecutionData[] {
	const list = Array.isArray(result) ? result : [result];
	return list.map((entry) => {
		const item = isExecutionData(entry) ? entry : { json: entry };
		return { ...item, pairedItem: { item: itemIndex } };
	});
}

function isExecutionData(value: IDataObject | INodeExecutionData): value is INodeExecutionData {
	const keys = Object.keys(value);
	return keys.includes('json') && keys.every((key) => key === 'json' || key === 'binary' || key === 'pairedItem');
}

function asNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context && error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

/**
 * One shape for every On Error setting: `{error: {message, description, httpCode}}`. n8n moves an item to
 * the error output only when its JSON is `{error}` (n8n 1.x also accepts `{error, message}`, 2.x
 * `{error, message, details}`), and both lines replace the JSON of an item that carries `item.error` with
 * `{error: message}`; so the details go inside `error`. Version 1 nodes keep their flat
 * `{error, description, httpCode}` in the regular output, as workflows saved with them read it.
 */
function errorItem(error: NodeApiError | NodeOperationError, itemIndex: number, nested: boolean): INodeExecutionData {
	const fields: IDataObject = {};
	if (error.description) fields.description = error.description;
	if (error instanceof NodeApiError && error.httpCode) fields.httpCode = error.httpCode;
	const json = nested ? { error: { message: error.message, ...fields } } : { error: error.message, ...fields };
	return { json, pairedItem: { item: itemIndex } };
}
