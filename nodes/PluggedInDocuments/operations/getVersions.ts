import { normaliseTimestamps } from '../../shared/dates';
import type { Operation } from '../../shared/operations';
import { DOCUMENT_ID } from '../fields';
import { readDocumentId } from '../parameters';
import { readVersions } from '../versions';

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
		const versions = await readVersions(api, id, itemIndex);
		return versions.map((version) => ({ documentId: id, ...normaliseTimestamps(version, ['createdAt']) }));
	},
};
