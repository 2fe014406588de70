import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { operationProperties, type Operation } from './operations';

/** The one resource an action node works on, as n8n's single-resource nodes declare it. */
export interface NodeResource {
	name: string;
	value: string;
}

/**
 * n8n's layout for a single-resource node: a Resource selector with one option and the Operation
 * selector shown for it. The editor then lists the operations as "<Resource> actions" and names a
 * new node after the action it was added with ("Get many documents"). A workflow saved before the
 * selector existed has no `resource`; its default fills it in, so the operation stays visible.
 */
export function resourceProperties(
	resource: NodeResource,
	operations: Operation[],
	defaultOperation: string,
): INodeProperties[] {
	const [operationSelector, ...fields] = operationProperties(operations, defaultOperation);
	const { value } = resource;
	const resourceSelector: INodeProperties = {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [resource],
		default: value,
	};
	return [
		resourceSelector,
		{ ...operationSelector, displayOptions: { show: { resource: [value] } } },
		...fields,
	];
}

/** A node subtitle that shows the operation's label ("Get Many"), not its value ("getMany"). */
export function operationSubtitle(operations: Operation[]): string {
	return optionSubtitle(
		'operation',
		operations.map((operation) => operation.option),
	);
}

/** A node subtitle that shows the label of the chosen option of `parameter`. */
export function optionSubtitle(parameter: string, options: INodePropertyOptions[]): string {
	const labels = Object.fromEntries(options.map((option) => [option.value, option.name]));
	return `={{ (${JSON.stringify(labels)})[$parameter["${parameter}"]] || $parameter["${parameter}"] }}`;
}
