import type { IExecuteFunctions, INode, INodeExecutionData, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { forOperation, REQUEST_OPTIONS, sortByDisplayName } from './fields';
import { type OperationResult, runPerItem } from './items';
import { checkRequestOptions, transportOptions } from './requestOptions';
import { PluggedInApi } from './transport';

/** What an operation receives for one input item. */
export interface OperationCall {
	ctx: IExecuteFunctions;
	api: PluggedInApi;
	node: INode;
	itemIndex: number;
}

/** One operation of a node: one file in the node's `operations/` folder. */
export interface Operation {
	option: INodePropertyOptions & { action: string };
	/** The parameters the user fills in, shown only for this operation. */
	fields: INodeProperties[];
	/** Entries of this operation's "Options" collection (the request options are added). */
	options?: INodeProperties[];
	execute(call: OperationCall): Promise<OperationResult>;
}

/** The Operation selector, each operation's fields and its Options collection. */
export function operationProperties(operations: Operation[], defaultOperation: string): INodeProperties[] {
	const selector: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: operations.map((operation) => operation.option),
		default: defaultOperation,
	};
	const perOperation = operations.flatMap((operation) => {
		const value = String(operation.option.value);
		const options: INodeProperties = {
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: sortByDisplayName([...(operation.options ?? []), ...REQUEST_OPTIONS]),
		};
		return [...operation.fields, options].map((field) => forOperation(field, value));
	});
	return [selector, ...perOperation];
}

/** The router: picks the operation, builds one transport for the execution, runs the item loop. */
export async function executeOperation(
	ctx: IExecuteFunctions,
	operations: Operation[],
): Promise<INodeExecutionData[][]> {
	const node = ctx.getNode();
	const name = ctx.getNodeParameter('operation', 0) as string;
	const operation = operations.find((candidate) => candidate.option.value === name);
	if (!operation) throw new NodeOperationError(node, `Unknown operation "${name}"`);
	const options = checkRequestOptions(node, ctx.getNodeParameter('options', 0, {}), 0);
	const api = await PluggedInApi.create(ctx, transportOptions(options));
	const items = await runPerItem(
		ctx,
		async (itemIndex) => await operation.execute({ ctx, api, node, itemIndex }),
		options.parallel ?? 1,
	);
	return [items];
}
