import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { Operation } from '../../shared/operations';
import { HEALTH_CHECK_QUERY, postQuery, serverReason } from '../answer';

export const checkAvailability: Operation = {
	option: {
		name: 'Check Availability',
		value: 'checkAvailability',
		description:
			'Check whether RAG answers for this API key; returns available true or false with the reason, without failing',
		action: 'Check RAG availability',
	},
	fields: [],
	async execute(call) {
		// The SDK's probe: a real query whose answer does not matter, only that one comes back.
		try {
			await postQuery(call, HEALTH_CHECK_QUERY, false);
			return { available: true };
		} catch (error) {
			if (error instanceof NodeApiError) {
				return { available: false, reason: serverReason(error), httpCode: error.httpCode };
			}
			throw new NodeOperationError(call.node, error as Error, { itemIndex: call.itemIndex });
		}
	},
};
