import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { documentPath } from '../shared/resources/documents';
import type { PluggedInApi } from '../shared/transport';

interface VersionRequest {
	id: string;
	versionNumber: number;
	itemIndex: number;
}

/** GET …/versions: the stored versions, newest first. */
export async function readVersions(api: PluggedInApi, id: string, itemIndex: number): Promise<IDataObject[]> {
	const body = await api.request<IDataObject>({
		method: 'GET',
		path: documentPath(id, '/versions'),
		itemIndex,
		resource: `document ${id} owned by this API key's profile`,
	});
	return Array.isArray(body.versions) ? (body.versions as IDataObject[]) : [];
}

/**
 * Restore answers every failure with a bare 500 "Failed to restore version". The stored versions say
 * whether the version is missing; if it exists, the failure is the server's, and a backup version may
 * already have been saved.
 */
export async function explainFailedRestore(
	api: PluggedInApi,
	node: INode,
	error: unknown,
	request: VersionRequest,
): Promise<unknown> {
	if (!(error instanceof NodeApiError) || !isBareFailure(error, 'Failed to restore version')) return error;
	let versions: IDataObject[];
	try {
		versions = await readVersions(api, request.id, request.itemIndex);
	} catch {
		return missingVersionError(node, error, request, 'may');
	}
	if (!versions.some((version) => version.versionNumber === request.versionNumber)) {
		return missingVersionError(node, error, request, 'is');
	}
	error.description = `Version ${request.versionNumber} exists, but Plugged.in failed to restore it. It may already have saved a backup version: check "Get Versions" before running it again.`;
	return error;
}

function isBareFailure(error: NodeApiError, text: string): boolean {
	return error.httpCode === '500' && (error.errorResponse as JsonObject | undefined)?.error === text;
}

/** Get Version answers a missing version with 404 "Version not found": a message that says what to do. */
export async function explainMissingVersion<T>(node: INode, request: VersionRequest, pending: Promise<T>): Promise<T> {
	try {
		return await pending;
	} catch (error) {
		const missing =
			error instanceof NodeApiError &&
			error.httpCode === '404' &&
			(error.errorResponse as JsonObject | undefined)?.error === 'Version not found';
		// Given a NodeApiError, the constructor returns it unchanged.
		throw missing ? missingVersionError(node, error, request, 'is') : new NodeApiError(node, error as JsonObject);
	}
}

/** `certainty` 'may': the versions could not be read to tell a missing version from the server's failure. */
function missingVersionError(
	node: INode,
	error: NodeApiError,
	{ id, versionNumber, itemIndex }: VersionRequest,
	certainty: 'is' | 'may',
): NodeApiError {
	const serverError = String((error.errorResponse as JsonObject | undefined)?.error);
	const stored =
	'Plugged.in stores a copy of each version an update creates (2 and up); the original version 1 has no stored copy.';
	return new NodeApiError(node, error.errorResponse ?? {}, {
		message:
			certainty === 'is'
				? `Plugged.in has no version ${versionNumber} of document ${id} (${serverError})`
				: `Plugged.in could not restore version ${versionNumber} of document ${id} (${serverError})`,
		description:
			certainty === 'is'
				? `List the versions with "Get Versions". ${stored}`
				: `The version may not exist: list the versions with "Get Versions". ${stored}`,
		httpCode: error.httpCode ?? undefined,
		itemIndex,
	});
}
