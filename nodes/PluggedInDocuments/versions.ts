import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/**
 * Version routes answer a missing version with 404 "Version not found" (get) or a bare
 * 500 "Failed to restore version" (restore): both get a message that says what to do.
 */
export async function explainMissingVersion<T>(
	node: INode,
	{ id, versionNumber, itemIndex }: { id: string; versionNumber: number; itemIndex: number },
	request: Promise<T>,
): Promise<T> {
	try {
		return await request;
	} catch (error) {
		throw missingVersionError(node, error, { id, versionNumber, itemIndex });
	}
}

function missingVersionError(
	node: INode,
	error: unknown,
	{ id, versionNumber, itemIndex }: { id: string; versionNumber: number; itemIndex: number },
): unknown {
	if (!(error instanceof NodeApiError)) return error;
	const serverError = (error.errorResponse as JsonObject | undefined)?.error;
	const missing =
		(error.httpCode === '404' && serverError === 'Version not found') ||
		(error.httpCode === '500' && serverError === 'Failed to restore version');
	if (!missing) return error;
	return new NodeApiError(node, error.errorResponse ?? {}, {
		message: `Plugged.in has no version ${versionNumber} of document ${id} (${String(serverError)})`,
		description:
			'List the versions with "Get Versions". Plugged.in stores a copy of each version an update creates (2 and up); the original version 1 has no stored copy.',
		httpCode: error.httpCode ?? undefined,
		itemIndex,
	});
}
