'use strict';
const { SEEDED_DOCUMENT_IDS } = require('../../sandbox/routes/documents');
const { byId, PROFILE, useSandbox } = require('../harness/sandbox');
const { PluggedInDocuments } = require('../../nodes/PluggedInDocuments/PluggedInDocuments.node');

const t = useSandbox({ seed: true }, { node: () => new PluggedInDocuments() });
let id;

beforeAll(async () => {
	id = t.sandbox.documents.insert(PROFILE, { title: 'Versioned', content: 'v1' }).id;
	for (const content of ['v2', 'v3']) {
		const { error } = await t.run({ operation: 'update', documentId: byId(id), updateMode: 'replace', content });
		expect(error).toBeUndefined();
	}
});

test('Get Versions: one item per stored version, newest first, ISO Z timestamps', async () => {
	const { items, requests } = await t.sent({ operation: 'getVersions', documentId: byId(id) });
	expect(requests.map((request) => request.path)).toEqual([`/api/documents/${id}/versions`]);
	expect(items.map((item) => item.json.versionNumber)).toEqual([3, 2]);
	expect(items[0].json).toMatchObject({
		documentId: id,
		isCurrent: true,
		createdByModel: { name: 'Unknown', provider: 'Unknown' },
		createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
	});
	expect(items[1].json.isCurrent).toBe(false);
});

test('Get Version: the content of one version', async () => {
	const { items } = await t.sent({ operation: 'getVersion', documentId: byId(id), versionNumber: 2 });
	expect(items[0].json).toEqual({ documentId: id, success: true, content: 'v2', versionNumber: 2 });
});

test('version 1 has no stored copy: a message that says so, not a bare 404', async () => {
	const { error, requests } = await t.sent({ operation: 'getVersion', documentId: byId(id), versionNumber: 1 });
	expect(requests).toHaveLength(1);
	expect(error.message).toBe(`Plugged.in has no version 1 of document ${id} (Version not found)`);
	expect(error.description).toContain('Get Versions');
});

test('Restore Version: a backup version, then the restored copy; the output names the version now current', async () => {
	const { items, requests } = await t.sent({
		operation: 'restoreVersion',
		documentId: byId(id),
		versionNumber: 2,
		modelName: 'claude-sonnet-4',
		modelProvider: 'anthropic',
	});
	expect(requests.map((request) => `${request.method} ${request.status}`)).toEqual(['POST 200', 'GET 200']);
	// v3 → backup v4 → restored v5.
	expect(items[0].json).toEqual({ documentId: id, success: true, message: 'Version 2 restored successfully', version: 5 });
	const document = t.sandbox.documents.docs.get(id);
	expect(document.content.toString()).toBe('v2');
	expect(document.versions.slice(0, 2)).toMatchObject([
		{ versionNumber: 5, changeSummary: 'Restored from version 2', createdByModel: { name: 'claude-sonnet-4', provider: 'anthropic' } },
		{ versionNumber: 4, changeSummary: 'Backup before restoring version 2', createdByModel: { name: 'System' } },
	]);
});

test('restoring without a model still sends a JSON body (the server fails on an empty one)', async () => {
	const { error } = await t.sent({ operation: 'restoreVersion', documentId: byId(id), versionNumber: 3 });
	expect(error).toBeUndefined();
	expect(t.sandbox.documents.docs.get(id).versions[0].createdByModel.name).toBe('System');
});

test("restoring a missing version: the server's bare 500 explained after reading the versions, and not retried", async () => {
	const { error, requests } = await t.sent({ operation: 'restoreVersion', documentId: byId(id), versionNumber: 99 });
	expect(requests.map((request) => `${request.method} ${request.status}`)).toEqual(['POST 500', 'GET 200']);
	expect(error.message).toContain('has no version 99');
	expect(error.httpCode).toBe('500');
});

test('the same 500 for a version that exists is not called a missing version', async () => {
	// The server's restoreVersion() answers any failure so, e.g. a database error.
	const documents = t.sandbox.documents;
	documents.restore = () => ({ status: 500, json: { error: 'Failed to restore version' } });
	try {
		const { error } = await t.sent({ operation: 'restoreVersion', documentId: byId(id), versionNumber: 2 });
		expect(error.httpCode).toBe('500');
		expect(error.message).toBe('Plugged.in: Failed to restore version');
		expect(error.description).toMatch(/^Version 2 exists, but Plugged.in failed to restore it.*backup version.*Get Versions/);
	} finally {
		delete documents.restore;
	}
});

test('bad version numbers and half a model are refused before any request', async () => {
	const cases = [
		[{ operation: 'getVersion', versionNumber: '={{ 0 }}' }, '"Version Number" (versionNumber): must be 1 or more'],
		[{ operation: 'getVersion', versionNumber: '={{ 2.5 }}' }, 'must be a whole number'],
		[{ operation: 'restoreVersion', versionNumber: 2, modelName: 'gpt-4o' }, '"Model Provider" (modelProvider)'],
	];
	for (const [parameters, message] of cases) {
		const { error, requests } = await t.sent({ documentId: byId(id), ...parameters });
		expect(error.message).toContain(message);
		expect(requests).toEqual([]);
	}
});

test("versions of a project-level document are not the profile's own: 404", async () => {
	const { error } = await t.sent({ operation: 'getVersions', documentId: byId(SEEDED_DOCUMENT_IDS.architecturePdf) });
	expect(error.message).toBe('Plugged.in: Document not found or access denied');
});
