'use strict';
const { SEEDED_DOCUMENT_IDS } = require('../../sandbox/routes/documents');
const { byId, PROFILE, useSandbox } = require('../harness/sandbox');
const { PluggedInDocuments } = require('../../nodes/PluggedInDocuments/PluggedInDocuments.node');
const { loadOptionsContext } = require('../harness/loadOptions');

const t = useSandbox({ seed: true }, { node: () => new PluggedInDocuments() });
const ids = SEEDED_DOCUMENT_IDS;

test('content comes as text, with attributions camelCase and timestamps ISO Z', async () => {
	const { items, requests } = await t.sent({ operation: 'get', documentId: byId(ids.gettingStarted) });
	expect(new URLSearchParams(requests[0].query).get('includeContent')).toBe('true');
	const document = items[0].json;
	expect(document).toMatchObject({
		id: ids.gettingStarted,
		title: 'Getting Started with Plugged.in',
		contentEncoding: 'utf-8',
		version: 2,
		createdAt: '2026-11-01T09:00:00.000Z',
	});
	expect(document.content).toMatch(/^# Getting Started with Plugged\.in[\s\S]*## The Library/);
	expect(document.modelAttributions.map((entry) => entry.contributionType)).toEqual(['created', 'updated']);
	expect(document.versions).toBeUndefined();
});

test('base64 content of a textual MIME type is decoded; a PDF stays base64', async () => {
	const yaml = t.sandbox.documents.insert(PROFILE, {
		title: 'Config',
		content: 'name: café\n',
		mimeType: 'application/x-yaml',
		source: 'upload',
		fileName: 'config.yaml',
	});
	const decoded = await t.run({ operation: 'get', documentId: byId(yaml.id) });
	expect(decoded.items[0].json).toMatchObject({ content: 'name: café\n', contentEncoding: 'utf-8' });
	const pdf = await t.run({ operation: 'get', documentId: byId(ids.architecturePdf) });
	expect(pdf.items[0].json.contentEncoding).toBe('base64');
	expect(Buffer.from(pdf.items[0].json.content, 'base64').toString('latin1')).toMatch(/^%PDF/);
});

test('as a binary file: bytes, MIME type and file name; no content in the JSON', async () => {
	const { items } = await t.run({
		operation: 'get',
		documentId: byId(ids.architecturePdf),
		contentAs: 'binary',
		binaryPropertyName: 'file',
	});
	const [item] = items;
	expect(item.json.content).toBeUndefined();
	expect(item.json.contentEncoding).toBeUndefined();
	expect(item.binary.file).toMatchObject({ mimeType: 'application/pdf', fileName: 'plugged-in-architecture.pdf' });
	expect(Buffer.from(item.binary.file.data, 'base64').toString('latin1')).toMatch(/^%PDF-1\.4/);
	expect(item.pairedItem).toEqual({ item: 0 });
});

test('versions on request, newest first, and no content when it is off', async () => {
	const { items, requests } = await t.sent({
		operation: 'get',
		documentId: byId(ids.gettingStarted),
		includeContent: false,
		includeVersions: true,
	});
	expect(new URLSearchParams(requests[0].query).get('includeContent')).toBe('false');
	expect(items[0].json.content).toBeUndefined();
	expect(items[0].json.versions).toEqual([
		expect.objectContaining({
			versionNumber: 2,
			createdAt: '2026-11-02T10:30:00.000Z',
			createdByModel: { name: 'gpt-4o', provider: 'openai' },
			changeSummary: 'Added a section on the Library',
		}),
	]);
});

test('the document can be given as a /library/<id> URL or picked from the list', async () => {
	const url = await t.run({
		operation: 'get',
		includeContent: false,
		documentId: { __rl: true, mode: 'url', value: `https://plugged.in/library/${ids.ragGuide.toUpperCase()}` },
	});
	expect(url.items[0].json.id).toBe(ids.ragGuide);
	const list = await t.run({
		operation: 'get',
		includeContent: false,
		documentId: { __rl: true, mode: 'list', value: ids.ragGuide, cachedResultName: 'RAG' },
	});
	expect(list.items[0].json.id).toBe(ids.ragGuide);
});

test('an ID that is not a UUID is refused before any request (the server would answer 500)', async () => {
	// From an expression, as an AI agent or an upstream node gives it (n8n checks typed IDs itself).
	for (const value of ['not-a-uuid', '', 'https://plugged.in/library/123']) {
		const { error, requests } = await t.sent(
			{ operation: 'get', documentId: byId('={{ $json.id }}') },
			{ items: [{ id: value }] },
		);
		expect(error.message).toMatch(/^Invalid parameter "Document" \(documentId\): /);
		expect(requests).toEqual([]);
	}
});

test("an unknown document is the server's 404, worded for the user", async () => {
	const id = '00000000-0000-4000-8000-000000000000';
	const { error, requests } = await t.sent({ operation: 'get', documentId: byId(id) });
	expect(requests).toHaveLength(1);
	expect(error.message).toBe('Plugged.in: Document not found');
	expect(error.description).toContain(`document ${id}`);
	expect(error.httpCode).toBe('404');
});

test('the document picker lists by title, filters as the user types, and links to the library', async () => {
	const node = new PluggedInDocuments();
	const context = loadOptionsContext(t.sandbox, 'Plugged.in Documents');
	const all = await node.methods.listSearch.searchDocuments.call(context);
	expect(all.results.map((entry) => entry.value)).toEqual(expect.arrayContaining(Object.values(ids)));
	const filtered = await node.methods.listSearch.searchDocuments.call(context, 'knowledge');
	expect(filtered.results).toEqual([
		{ name: 'Plugged.in RAG Knowledge Base', value: ids.ragGuide, url: `${t.sandbox.url}/library/${ids.ragGuide}` },
	]);
	expect(filtered.paginationToken).toBeUndefined();
	const last = t.sandbox.log[t.sandbox.log.length - 1];
	expect(new URLSearchParams(last.query).get('searchQuery')).toBe('knowledge');
});
