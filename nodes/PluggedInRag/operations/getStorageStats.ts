import type { JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { z } from 'zod';

import type { Operation } from '../../shared/operations';
import { explainRagError, ragSwitchedOff } from '../answer';
import { readParameters, validate } from '../../shared/validate';

// The user ID travels in the URL: a huge one would be refused (431) before reaching Plugged.in.
const schema = z.object({
	userId: z.string().trim().min(1, 'Give the user ID of the API key owner').max(255, 'must be at most 255 characters'),
});

export const getStorageStats: Operation = {
	option: {
		name: 'Get Storage Stats',
		value: 'getStorageStats',
		description: 'Get the document, chunk and storage counts of the RAG index',
		action: 'Get storage stats',
	},
	fields: [
		{
			displayName: 'User ID',
			name: 'userId',
			type: 'string',
			required: true,
			default: '',
			hint: "Plugged.in shows this ID nowhere else: run Plugged.in Agents → Get on one of your agents and take metadata.triggered_by of its CREATED lifecycle event",
			description:
				"The user ID of the API key's owner; the server refuses any other. Plugged.in does not show it directly: it is in metadata.triggered_by of an agent's CREATED lifecycle event (Plugged.in Agents, Get).",
		},
	],
	async execute({ ctx, api, node, itemIndex }) {
		const { userId } = validate(node, schema, readParameters(ctx, itemIndex, ['userId']), itemIndex);
		try {
			return await api.request({
				method: 'GET',
				path: '/api/rag/storage-stats',
				qs: { user_id: userId },
				permanentFailure: ragSwitchedOff,
				itemIndex,
			});
		} catch (error) {
			if (error instanceof NodeApiError) explainRagError(error);
			if (error instanceof NodeApiError && error.httpCode === '403') {
				error.description = `User ID "${userId}" is not the owner of this API key. Use the owner's user ID: it is in metadata.triggered_by of an agent's CREATED lifecycle event.`;
			}
			throw new NodeApiError(node, error as JsonObject);
		}
	},
};
