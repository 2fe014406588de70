'use strict';
const { SEEDED_DOCUMENT_IDS } = require('../../sandbox/routes/documents');
const { byId, PROFILE, useSandbox } = require('../harness/sandbox');
const { PluggedInDocuments } = require('../../nodes/PluggedInDocuments/PluggedInDocuments.node');

const t = useSandbox({ seed: true }, { node: () => new PluggedInDocuments() });
const newDocument = () => t.sandbox.documents.insert(PROFILE, { title: 'Disposable', content: 'bye' }).id;

describe('delete', () => {
	afterEach(() => {
		t.sandbox.options.documentDeleteRoute = false;
	});

	test('a server without the route (405, empty body): a clear message, and the document stays', async () => {
		const id = newDocument();
		const { error, requests } = await t.sent({ operation: 'delete', documentId: byId(id) });
		expect(requests.map((request) => request.status)).toEqual([405]);
		expect(error.name).toBe('NodeApiError');
		expect(error.message).toBe(
			'This Plugged.in server does not support deleting documents through the API; delete it in the library UI',
		);
		expect(error.description).toContain(`/library/${id}`);
		expect(t.sandbox.documents.docs.has(id)).toBe(true);
	});

	test('with Continue On Fail the refusal is an error item paired with its input', async () => {
		const { items } = await t.sent({ operation: 'delete', documentId: byId(newDocument()) }, { continueOnFail: true });
		expect(items).toEqual([
			{
				json: expect.objectContaining({
					error: expect.objectContaining({ message: expect.stringContaining('does not support'), httpCode: '405' }),
				}),
				pairedItem: { item: 0 },
			},
		]);
	});

	test("a server with the route deletes; deleting again is the server's 404", async () => {
		t.sandbox.options.documentDeleteRoute = true;
		const id = newDocument();
		const { items } = await t.sent({ operation: 'delete', documentId: byId(id) });
		expect(items[0].json).toEqual({ success: true, documentId: id, message: 'Document deleted successfully' });
		expect(t.sandbox.documents.docs.has(id)).toBe(false);
		const again = await t.sent({ operation: 'delete', documentId: byId(id) });
		expect(again.error.message).toBe('Plugged.in: Document not found');
	});

	test('a non-UUID is refused before any request', async () => {
		const { error, requests } = await t.sent(
			{ operation: 'delete', documentId: byId('={{ $json.id }}') },
			{ items: [{ id: '42' }] },
		);
		expect(error.message).toContain('"Document" (documentId): "42" is not a document ID');
		expect(requests).toEqual([]);
	});
});

describe('download', () => {
	test('the file as binary, with the name from Content-Disposition and the MIME type', async () => {
		const { items, requests } = await t.sent({
			operation: 'download',
			documentId: byId(SEEDED_DOCUMENT_IDS.architecturePdf),
		});
		expect(requests.map((request) => request.path)).toEqual([
			`/api/library/download/${SEEDED_DOCUMENT_IDS.architecturePdf}`,
		]);
		expect(items[0].json).toEqual({
			id: SEEDED_DOCUMENT_IDS.architecturePdf,
			fileName: 'plugged-in-architecture.pdf',
			mimeType: 'application/pdf',
			fileSize: 142,
		});
		expect(items[0].binary.data).toMatchObject({
			fileName: 'plugged-in-architecture.pdf',
			mimeType: 'application/pdf',
		});
		expect(Buffer.from(items[0].binary.data.data, 'base64').subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
	});

	test('file names with spaces and accents survive the RFC 5987 encoding', async () => {
		const { id } = t.sandbox.documents.insert(PROFILE, {
			title: 'Résumé',
			content: 'text',
			format: 'txt',
			fileName: 'Résumé 2026.txt',
			source: 'upload',
		});
		const { items } = await t.sent({ operation: 'download', documentId: byId(id), binaryPropertyName: 'file' });
		expect(items[0].binary.file.fileName).toBe('Résumé 2026.txt');
		expect(items[0].json.mimeType).toBe('text/plain');
	});

	test("without Content-Disposition the file name is the document's own", async () => {
		const area = t.sandbox.documents;
		area.download = (req) => {
			const reply = Object.getPrototypeOf(area).download.call(area, req);
			delete reply.headers['Content-Disposition'];
			return reply;
		};
		try {
			const { items, requests } = await t.sent({
				operation: 'download',
				documentId: byId(SEEDED_DOCUMENT_IDS.meetingNotes),
			});
			expect(requests.map((request) => request.path)).toEqual([
				`/api/library/download/${SEEDED_DOCUMENT_IDS.meetingNotes}`,
				`/api/documents/${SEEDED_DOCUMENT_IDS.meetingNotes}`,
			]);
			expect(items[0].binary.data.fileName).toBe('team-meeting-notes.txt');
		} finally {
			delete area.download;
		}
	});

	test('an unknown document: the 404 names the document', async () => {
		const id = '00000000-0000-4000-8000-000000000000';
		const { error } = await t.sent({ operation: 'download', documentId: byId(id) });
		expect(error.httpCode).toBe('404');
		expect(error.description).toContain(`document ${id}`);
	});
});
