import type { IDataObject, INode, INodeProperties, INodePropertyOptions, IPollFunctions } from 'n8n-workflow';

import type { PluggedInApi } from '../shared/transport';

/** What one poll produced: the output items (one per event) and the state to keep. */
export interface PollResult<S> {
	items: IDataObject[];
	nextState: S;
}

/**
 * One event of the trigger: one file in `events/`. `poll` is the whole logic of a poll: given the
 * stored state (undefined on the first activation: record, emit nothing), the transport, the
 * checked parameters, the time and the node (for errors), it returns the items and the next
 * state. It never touches the stored state itself, so a poll that throws changes nothing.
 */
export interface TriggerEvent<P = unknown, S = unknown> {
	option: INodePropertyOptions & { value: string };
	/** Parameters shown for this event. */
	fields: INodeProperties[];
	/** Reads and checks this event's parameters, before any request. */
	readParams(ctx: IPollFunctions): P;
	/** The parameters that shape the stored state: when they change, the trigger starts over. */
	stateKey(params: P): unknown;
	poll(state: S | undefined, api: PluggedInApi, params: P, now: number, node: INode): Promise<PollResult<S>>;
	/** "Fetch Test Event": one recent example, without reading or writing the state. */
	sample(api: PluggedInApi, params: P, now: number, node: INode): Promise<IDataObject | undefined>;
}

/** Lets each event keep its own parameter and state types inside a list of events. */
export function defineEvent<P, S>(event: TriggerEvent<P, S>): TriggerEvent {
	return event as unknown as TriggerEvent;
}
