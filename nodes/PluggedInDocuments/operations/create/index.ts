import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { Operation } from '../../../shared/operations';
import { documentPath, normaliseDocument } from '../../../shared/resources/documents';
import type { PluggedInApi } from '../../../shared/transport';
import { CREATE_FIELDS } from './fields';
import { readCreateRequest } from './request';

export const create: Operation = {
	option: {
		name: 'Create',
		value: 'create',
		description: 'Save an AI-generated document (text or an input file) to the library',
		action: 'Create a document',
	},
	fields: CREATE_FIELDS,
	options: [
		{
			displayName: 'Return Raw Response',
			name: 'returnRawResponse',
			type: 'boolean',
			default: false,
			description: "Whether to return the server's answer (its documentId) instead of reading the new document back",
		},
	],
	async execute({ ctx, api, node, itemIndex }) {
		const { body, sessionId } = await readCreateRequest(ctx, node, itemIndex);
		const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const created = await api.request<IDataObject>({
			method: 'POST',
			path: '/api/documents/ai',
			body,
			headers: sessionId ? { 'X-Session-Id': sessionId } : undefined,
			itemIndex,
		});
		if (options.returnRawResponse === true) return created;
		// The server answers with the id only: read the document back.
		const id = String(created.documentId);
		try {
			return normaliseDocument(await readDocument(api, id, itemIndex));
		} catch (error) {
			const cause = error as NodeApiError;
			throw new NodeApiError(
				node,
				{ documentId: id, cause: cause.message },
				{
					message: `Document ${id} was created, but reading it back failed: ${cause.message}`,
					description:
						'The document exists: do not create it again. Turn on "Return Raw Response" to skip reading it back.',
					httpCode: cause.httpCode ?? undefined,
					itemIndex,
				},
			);
		}
	},
};

async function readDocument(api: PluggedInApi, id: string, itemIndex: number): Promise<IDataObject> {
	return await api.request<IDataObject>({
		method: 'GET',
		path: documentPath(id),
		itemIndex,
		resource: `document ${id}`,
	});
}
