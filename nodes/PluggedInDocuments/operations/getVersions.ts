import type { IDataObject } from 'n8n-workflow';

import { normaliseTimestamps } from '../../shared/dates';
import type { Operation } from '../../shared/operations';
import { documentPath } from '../../shared/resources/documents';
import { DOCUMENT_ID } from '../fields';
import { readDocumentId } from '../parameters';

export const getVersions: Operation = {
	option: {
		name: 'Get Versions',
		value: 'getVersions',
		description: 'List the stored versions of a document, newest first (one item per version)',
		action: 'Get versions of a document',
	},
	fields: [DOCUMENT_ID],
	async execute({ ctx, api, itemIndex }) {
		const id = readDocumentId(ctx, itemIndex);
		const body = await api.request<IDataObject>({
			method: 'GET',
			path: documentPath(id, '/versions'),
			itemIndex,
			resource: `document ${id} owned by this API key's profile`,
		});
		const versions = (body.versions as IDataObject[]) ?? [];
		return versions.map((version) => ({ documentId: id, ...normaliseTimestamps(version, ['createdAt']) }));
	},
};
