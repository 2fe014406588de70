import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { Operation } from '../../shared/operations';
import { documentPath } from '../../shared/resources/documents';
import { DOCUMENT_ID } from '../fields';
import { readDocumentId } from '../parameters';

export const remove: Operation = {
	option: {
		name: 'Delete',
		value: 'delete',
		description: 'Delete a document, where the Plugged.in server offers deleting through its API',
		action: 'Delete a document',
	},
	fields: [DOCUMENT_ID],
	async execute({ ctx, api, node, itemIndex }) {
		const id = readDocumentId(ctx, itemIndex);
		let body: unknown;
		try {
			body = await api.request({ method: 'DELETE', path: documentPath(id), itemIndex, resource: `document ${id}` });
		} catch (error) {
			throw unsupportedDeleteError(node, error, { id, baseUrl: api.baseUrl, itemIndex });
		}
		return typeof body === 'object' && body !== null
			? { documentId: id, ...(body as IDataObject) }
			: { success: true, documentId: id };
	},
};

/** 405, or a 404 that is not the server's JSON "document not found", means the route itself is missing. */
function unsupportedDeleteError(
	node: INode,
	error: unknown,
	{ id, baseUrl, itemIndex }: { id: string; baseUrl: string; itemIndex: number },
): unknown {
	if (!(error instanceof NodeApiError)) return error;
	const response = error.errorResponse as IDataObject | undefined;
	const routeMissing = error.httpCode === '405' || (error.httpCode === '404' && typeof response?.error !== 'string');
	if (!routeMissing) return error;
	return new NodeApiError(node, (response ?? {}) as JsonObject, {
		message: 'This Plugged.in server does not support deleting documents through the API; delete it in the library UI',
		description: `Open ${baseUrl}/library/${id} and delete the document there. (HTTP ${error.httpCode})`,
		httpCode: error.httpCode ?? undefined,
		itemIndex,
	});
}
