import type {
	IDataObject,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { REQUEST_OPTIONS } from '../shared/fields';
import { checkRequestOptions, transportOptions } from '../shared/requestOptions';
import { optionSubtitle } from '../shared/resource';
import { searchAgents } from '../shared/resources/agents';
import { PluggedInApi } from '../shared/transport';
import { events } from './events';

/** What the trigger keeps in the workflow's static data between polls (small JSON). */
interface StoredState {
	/** The event and the parameters the state was built for; any change starts over. */
	key: string;
	state: unknown;
}

const eventSelector: INodeProperties = {
	displayName: 'Event',
	name: 'event',
	type: 'options',
	noDataExpression: true,
	options: events.map((event) => event.option),
	default: 'documentCreated',
};

const options: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: REQUEST_OPTIONS.filter((option) => option.name !== 'parallel'),
};

/** Shows a field only for the given event. */
function forEvent(field: INodeProperties, event: string): INodeProperties {
	const show = { ...(field.displayOptions?.show ?? {}), event: [event] };
	return { ...field, displayOptions: { ...field.displayOptions, show } };
}

export class PluggedInTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Plugged.in Trigger',
		name: 'pluggedInTrigger',
		icon: { light: 'file:trigger.svg', dark: 'file:trigger.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: optionSubtitle('event', events.map((event) => event.option)),
		description:
			'Starts the workflow on new or updated documents, agent state changes, missed heartbeats, clipboard changes and new notifications',
		defaults: { name: 'Plugged.in Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'pluggedInApi', required: true }],
		properties: [
			eventSelector,
			...events.flatMap((event) => event.fields.map((field) => forEvent(field, event.option.value))),
			options,
		],
	};

	methods = { listSearch: { searchAgents } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const name = this.getNodeParameter('event') as string;
		const event = events.find((candidate) => candidate.option.value === name);
		if (!event) throw new NodeOperationError(this.getNode(), `Unknown event "${name}"`);
		const params = event.readParams(this);
		const requestOptions = checkRequestOptions(this.getNode(), this.getNodeParameter('options', {}));
		const api = await PluggedInApi.create(this, transportOptions(requestOptions));
		const now = Date.now();

		if (this.getMode() === 'manual') {
			const sample = await event.sample(api, params, now, this.getNode());
			return sample ? [this.helpers.returnJsonArray([sample])] : null;
		}

		const staticData = this.getWorkflowStaticData('node');
		const key = JSON.stringify({ event: name, params: event.stateKey(params) });
		const stored = staticData.pollState as StoredState | undefined;
		// A copy: the event works on it, and nothing stored changes unless the whole poll succeeds.
		const previous = stored?.key === key ? (JSON.parse(JSON.stringify(stored.state)) as unknown) : undefined;
		const { items, nextState } = await event.poll(previous, api, params, now, this.getNode());
		staticData.pollState = { key, state: nextState } as unknown as IDataObject;
		return items.length > 0 ? [this.helpers.returnJsonArray(items)] : null;
	}
}
