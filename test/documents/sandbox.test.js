'use strict';
/** The sandbox's documents routes answer as the real server does (contract §2, section 8 first). */
const { startSandbox } = require('../../sandbox/server');
const { SEEDED_DOCUMENT_IDS } = require('../../sandbox/routes/documents');

const OTHER_KEY = 'pg_in_' + 'other'.padEnd(64, '0');
let sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({
		seed: true,
		extraKeys: { [OTHER_KEY]: { profile: 'profile-other', userId: 'user-other' } },
	});
});
afterAll(async () => await sandbox.stop());

async function call(method, path, { body, headers = {}, key = sandbox.apiKey } = {}) {
	const response = await fetch(sandbox.url + path, {
		method,
		headers: {
			...(key ? { Authorization: `Bearer ${key}` } : {}),
			...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
			...headers,
		},
		body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
	});
	const text = await response.text();
	let json;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: response.status, headers: response.headers, text, json };
}

const csrf = () => ({ Origin: sandbox.url, 'X-Requested-With': 'XMLHttpRequest' });
const model = { name: 'claude-sonnet-4', provider: 'anthropic' };

async function createDoc(fields = {}, headers = {}) {
	const response = await call('POST', '/api/documents/ai', {
		body: { title: 'Doc', content: 'Some text', metadata: { model }, ...fields },
		headers,
	});
	expect(response.status).toBe(201);
	return response.json.documentId;
}

describe('list', () => {
	test('limit over 100 is a 400 with the raw zod issue', async () => {
		const { status, json } = await call('GET', '/api/documents?limit=101');
		expect(status).toBe(400);
		expect(json.error).toBe('Invalid query parameters');
		expect(json.details[0]).toMatchObject({ code: 'too_big', maximum: 100, path: ['limit'] });
	});

	test('dates must be UTC ISO with Z: offsets and date-only are 400', async () => {
		for (const date of ['2026-11-01', '2026-11-01T00:00:00+01:00']) {
			const { status, json } = await call('GET', `/api/documents?dateFrom=${encodeURIComponent(date)}`);
			expect(status).toBe(400);
			expect(json.details[0]).toMatchObject({ validation: 'datetime', path: ['dateFrom'] });
		}
	});

	test('date filters are inclusive on createdAt, category is ignored', async () => {
		const at = '2026-11-03T09:00:00.000Z';
		const { json } = await call('GET', `/api/documents?dateFrom=${at}&dateTo=${at}&category=nothing`);
		expect(json.documents.map((doc) => doc.id)).toEqual([SEEDED_DOCUMENT_IDS.ragGuide]);
		expect(json.total).toBe(1);
	});

	test('tags: repeated parameters match any tag; one comma list is one tag', async () => {
		const repeated = await call('GET', '/api/documents?tags=notes&tags=rag');
		expect(repeated.json.documents.map((doc) => doc.id).sort()).toEqual(
			[SEEDED_DOCUMENT_IDS.meetingNotes, SEEDED_DOCUMENT_IDS.ragGuide].sort(),
		);
		const comma = await call('GET', '/api/documents?tags=notes,rag');
		expect(comma.json.total).toBe(0);
	});

	test('project-level documents are listed; attributions are snake_case with +00:00 timestamps', async () => {
		const { json } = await call('GET', '/api/documents?limit=100');
		expect(json.documents.map((doc) => doc.id)).toContain(SEEDED_DOCUMENT_IDS.architecturePdf);
		const started = json.documents.find((doc) => doc.id === SEEDED_DOCUMENT_IDS.gettingStarted);
		expect(started.modelAttributions).toHaveLength(2);
		expect(started.modelAttributions[0]).toEqual({
			model_name: 'claude-sonnet-4',
			model_provider: 'anthropic',
			contribution_type: 'created',
			timestamp: expect.stringMatching(/^2026-11-01T09:00:00(\.\d{1,6})?\+00:00$/),
		});
		expect(started.createdAt).toBe('2026-11-01T09:00:00.000Z');
	});

	test('searchQuery is ILIKE on title and description, with % and _ as wildcards', async () => {
		const plain = await call('GET', '/api/documents?searchQuery=knowledge');
		expect(plain.json.documents.map((doc) => doc.id)).toEqual([SEEDED_DOCUMENT_IDS.ragGuide]);
		const wildcard = await call('GET', '/api/documents?searchQuery=Team_Meeting');
		expect(wildcard.json.documents.map((doc) => doc.id)).toEqual([SEEDED_DOCUMENT_IDS.meetingNotes]);
	});

	test('sort by title and by size; other profiles see none of it', async () => {
		const byTitle = await call('GET', '/api/documents?sort=title&limit=100');
		const titles = byTitle.json.documents.map((doc) => doc.title);
		expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'en')));
		const bySize = await call('GET', '/api/documents?sort=size&limit=100');
		const sizes = bySize.json.documents.map((doc) => doc.fileSize);
		expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
		const other = await call('GET', '/api/documents', { key: OTHER_KEY });
		expect(other.json).toEqual({ documents: [], total: 0, limit: 20, offset: 0 });
	});
});

describe('get', () => {
	test('a non-UUID id is a 500, an unknown one a 404, a bad flag a 400', async () => {
		expect(await call('GET', '/api/documents/not-a-uuid')).toMatchObject({
			status: 500,
			json: { error: 'Failed to fetch document' },
		});
		expect(await call('GET', '/api/documents/00000000-0000-4000-8000-000000000000')).toMatchObject({
			status: 404,
			json: { error: 'Document not found' },
		});
		const flag = await call('GET', `/api/documents/${SEEDED_DOCUMENT_IDS.ragGuide}?includeContent=yes`);
		expect(flag.status).toBe(400);
		expect(flag.json.details[0].path).toEqual(['includeContent']);
	});

	test('content is base64 unless the MIME type is textual; attributions are camelCase', async () => {
		const pdf = await call('GET', `/api/documents/${SEEDED_DOCUMENT_IDS.architecturePdf}?includeContent=true`);
		expect(pdf.json.contentEncoding).toBe('base64');
		expect(Buffer.from(pdf.json.content, 'base64').toString('latin1')).toMatch(/^%PDF-1\.4/);
		const md = await call('GET', `/api/documents/${SEEDED_DOCUMENT_IDS.ragGuide}?includeContent=true`);
		expect(md.json.contentEncoding).toBe('utf-8');
		expect(md.json.content).toMatch(/^# RAG Knowledge Base/);
		expect(md.json.modelAttributions[0]).toEqual({
			modelName: 'claude-sonnet-4',
			modelProvider: 'anthropic',
			contributionType: 'created',
			timestamp: '2026-11-03T09:00:00.000Z',
			metadata: {},
		});
	});

	test('the project-level PDF is readable by every profile of the project, not by other projects', async () => {
		expect((await call('GET', `/api/documents/${SEEDED_DOCUMENT_IDS.architecturePdf}`)).status).toBe(200);
		const other = await call('GET', `/api/documents/${SEEDED_DOCUMENT_IDS.architecturePdf}`, { key: OTHER_KEY });
		expect(other.status).toBe(404);
	});
});

describe('create', () => {
	test('201 body, server-set fields, stripped keys, session id only when sent', async () => {
		const created = await call('POST', '/api/documents/ai', {
			body: {
				title: 'Report',
				content: '# Hi <script>alert(1)</script>there',
				category: 'report',
				tags: ['a'],
				unknownTopLevel: true,
				metadata: { model, visibility: 'public', prompt: 'Write it', dynamic: 'dropped' },
			},
			headers: { 'X-Session-Id': 'session-1' },
		});
		expect(created.status).toBe(201);
		expect(created.json).toEqual({
			success: true,
			documentId: expect.stringMatching(/^[0-9a-f-]{36}$/),
			message: 'Document successfully created',
			url: `/library/${created.json.documentId}`,
		});
		const { json } = await call(
			'GET',
			`/api/documents/${created.json.documentId}?includeContent=true&includeVersions=true`,
		);
		expect(json).toMatchObject({
			title: 'Report',
			description: 'AI-generated report by claude-sonnet-4',
			mimeType: 'text/markdown',
			source: 'ai_generated',
			visibility: 'public',
			version: 1,
			versions: [],
			content: '# Hi there',
			aiMetadata: { model, context: 'Write it', sessionId: 'session-1' },
		});
		expect(json.aiMetadata.dynamic).toBeUndefined();
		const noSession = await createDoc();
		const again = await call('GET', `/api/documents/${noSession}`);
		expect('sessionId' in again.json.aiMetadata).toBe(false);
	});

	test('400 details are [{path, message}]; Content-Length over 10 MiB is a 413', async () => {
		const missing = await call('POST', '/api/documents/ai', { body: { title: 'x', metadata: { model } } });
		expect(missing).toMatchObject({ status: 400, json: { error: 'Invalid request data' } });
		expect(missing.json.details).toEqual([{ path: 'content', message: 'Required' }]);
		const objects = await call('POST', '/api/documents/ai', {
			body: { title: 'x', content: 'y', metadata: { model, conversationContext: [{ role: 'user', content: 'hi' }] } },
		});
		expect(objects.status).toBe(400);
		expect(objects.json.details[0].path).toBe('metadata.conversationContext.0');
		const tooBig = await call('POST', '/api/documents/ai', {
			body: { title: 'x', content: 'y'.repeat(10 * 1024 * 1024 + 1), metadata: { model } },
		});
		expect(tooBig).toMatchObject({ status: 413, json: { error: 'Request body too large. Maximum size is 10MB' } });
	});
});

describe('update', () => {
	test('CSRF: no Origin → 403 CSRF_INVALID_ORIGIN, no X-Requested-With → 403 CSRF_MISSING_HEADER', async () => {
		const id = await createDoc();
		const body = { operation: 'append', content: 'more' };
		expect(await call('PATCH', `/api/documents/${id}`, { body })).toMatchObject({
			status: 403,
			json: { error: 'Invalid request origin', code: 'CSRF_INVALID_ORIGIN' },
		});
		expect(await call('PATCH', `/api/documents/${id}`, { body, headers: { Origin: sandbox.url } })).toMatchObject({
			status: 403,
			json: { code: 'CSRF_MISSING_HEADER' },
		});
		expect(
			await call('PATCH', `/api/documents/${id}`, {
				body,
				headers: { Origin: 'https://evil.example', 'X-Requested-With': 'x' },
			}),
		).toMatchObject({ status: 403 });
		expect((await call('PATCH', `/api/documents/${id}`, { body, headers: csrf() })).status).toBe(200);
	});

	test('append joins with a blank line; versions newest first; "Unknown" without metadata', async () => {
		const id = await createDoc({ content: 'one' });
		const first = await call('PATCH', `/api/documents/${id}`, {
			body: { operation: 'append', content: 'two' },
			headers: csrf(),
		});
		expect(first.json).toEqual({
			success: true,
			documentId: id,
			version: 2,
			fileWritten: true,
			message: 'Document updated successfully',
		});
		await call('PATCH', `/api/documents/${id}`, {
			body: { operation: 'prepend', content: 'zero', metadata: { model, changeSummary: 'Intro', tags: ['t'] } },
			headers: csrf(),
		});
		const { json } = await call('GET', `/api/documents/${id}?includeContent=true&includeVersions=true`);
		expect(json.content).toBe('zero\n\none\n\ntwo');
		expect(json.version).toBe(3);
		expect(json.tags).toEqual(['t']);
		expect(json.versions.map((version) => version.versionNumber)).toEqual([3, 2]);
		expect(json.versions[1]).toMatchObject({
			createdByModel: { name: 'Unknown', provider: 'Unknown' },
			changeSummary: 'append operation by Unknown',
			contentDiff: { additions: 5, deletions: 0, changes: [{ type: 'append', content: 'Added 5 bytes' }] },
		});
		expect(json.versions[0]).toMatchObject({ createdByModel: model, changeSummary: 'Intro' });
	});

	test('only ai_generated documents owned by the profile; control characters are a 400', async () => {
		const upload = await call('PATCH', `/api/documents/${SEEDED_DOCUMENT_IDS.meetingNotes}`, {
			body: { operation: 'append', content: 'x' },
			headers: csrf(),
		});
		expect(upload).toMatchObject({ status: 404, json: { error: 'Document not found or access denied' } });
		const id = await createDoc();
		const foreign = await call('PATCH', `/api/documents/${id}`, {
			body: { operation: 'append', content: 'x' },
			headers: csrf(),
			key: OTHER_KEY,
		});
		expect(foreign.status).toBe(404);
		const control = await call('PATCH', `/api/documents/${id}`, {
			body: { operation: 'append', content: 'a\u0000b' },
			headers: csrf(),
		});
		expect(control).toMatchObject({ status: 400, json: { error: 'Invalid request data' } });
		expect(control.json.details[0].path).toEqual(['content']);
	});
});

describe('search', () => {
	test('total is a string that counts attribution rows; hasMore follows it', async () => {
		const id = await createDoc({ title: 'Zebra migration notes' });
		await call('PATCH', `/api/documents/${id}`, {
			body: { operation: 'append', content: 'x', metadata: { model } },
			headers: csrf(),
		});
		const { json } = await call('POST', '/api/documents/search', { body: { query: 'zebra' } });
		expect(json.results).toHaveLength(1);
		expect(json).toMatchObject({ total: '2', limit: 10, offset: 0, hasMore: true });
		expect(json.results[0]).toMatchObject({ id, snippet: 'AI-generated other by claude-sonnet-4' });
		expect(typeof json.results[0].relevanceScore).toBe('number');
		expect(json.results[0].relevanceScore).toBeGreaterThan(0.5);
	});

	test('title and description only; body rules as the server', async () => {
		const content = await call('POST', '/api/documents/search', { body: { query: 'Kubernetes' } });
		expect(content.json.results).toEqual([]);
		expect(content.json.total).toBe('0');
		const special = await call('POST', '/api/documents/search', { body: { query: '((((((((((' } });
		expect(special.json.details).toEqual([{ path: 'query', message: 'Query contains too many special characters' }]);
		const limit = await call('POST', '/api/documents/search', { body: { query: 'a', limit: 51 } });
		expect(limit.json.details[0].path).toBe('limit');
		expect((await call('POST', '/api/documents/search', { body: '{bad' })).status).toBe(500);
		expect((await call('GET', '/api/documents/search')).status).toBe(405);
	});
});

describe('versions, restore, download, delete', () => {
	test('version 1 has no stored copy; restore makes a backup version and a new version; bad numbers are 400', async () => {
		const id = await createDoc({ content: 'v1' });
		await call('PATCH', `/api/documents/${id}`, { body: { operation: 'replace', content: 'v2' }, headers: csrf() });
		await call('PATCH', `/api/documents/${id}`, { body: { operation: 'replace', content: 'v3' }, headers: csrf() });
		expect((await call('GET', `/api/documents/${id}/versions/1`)).json).toEqual({ error: 'Version not found' });
		expect((await call('GET', `/api/documents/${id}/versions/2`)).json).toEqual({
			success: true,
			content: 'v2',
			versionNumber: 2,
		});
		expect((await call('GET', `/api/documents/${id}/versions/x`)).status).toBe(400);
		expect((await call('POST', `/api/documents/${id}/versions/2`)).status).toBe(500);
		expect((await call('POST', `/api/documents/${id}/versions/1`, { body: {} })).json).toEqual({
			error: 'Failed to restore version',
		});
		const restored = await call('POST', `/api/documents/${id}/versions/2`, { body: {} });
		expect(restored.json).toEqual({ success: true, message: 'Version 2 restored successfully' });
		// As a running 3.3.0 does: a backup of the current content, then the restored copy.
		const versions = await call('GET', `/api/documents/${id}/versions`);
		expect(versions.json.versions.slice(0, 2)).toMatchObject([
			{
				versionNumber: 5,
				changeSummary: 'Restored from version 2',
				createdByModel: { name: 'System', provider: 'internal', version: '1.0' },
				isCurrent: true,
			},
			{
				versionNumber: 4,
				changeSummary: 'Backup before restoring version 2',
				createdByModel: { name: 'System', provider: 'internal', version: '1.0' },
				isCurrent: false,
			},
		]);
		expect((await call('GET', `/api/documents/${id}/versions/4`)).json.content).toBe('v3');
		expect((await call('GET', `/api/documents/${SEEDED_DOCUMENT_IDS.architecturePdf}/versions`)).status).toBe(404);
	});

	test('download sends the bytes with type and RFC 5987 file name; no key is a plain 401', async () => {
		const response = await call('GET', `/api/library/download/${SEEDED_DOCUMENT_IDS.architecturePdf}`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/pdf');
		expect(response.headers.get('content-disposition')).toBe(
			"attachment; filename*=UTF-8''plugged-in-architecture.pdf",
		);
		expect(
			(await call('GET', `/api/library/download/${SEEDED_DOCUMENT_IDS.architecturePdf}`, { key: '' })).json,
		).toEqual({
			error: 'Unauthorized',
		});
	});

	test('delete: 405 with an empty body by default, a real delete with documentDeleteRoute', async () => {
		const id = await createDoc();
		const refused = await call('DELETE', `/api/documents/${id}`);
		expect(refused).toMatchObject({ status: 405, text: '' });
		sandbox.options.documentDeleteRoute = true;
		try {
			expect((await call('DELETE', `/api/documents/${id}`)).json).toEqual({
				success: true,
				documentId: id,
				message: 'Document deleted successfully',
			});
			expect((await call('GET', `/api/documents/${id}`)).status).toBe(404);
			expect((await call('DELETE', `/api/documents/${id}`)).status).toBe(404);
		} finally {
			sandbox.options.documentDeleteRoute = false;
		}
	});
});

describe('helpers for other areas', () => {
	test('insert with explicit dates, all(), corpus() of md/txt and seeded documents', async () => {
		const inserted = sandbox.documents.insert('profile-other', {
			title: 'Old',
			content: 'old text',
			format: 'txt',
			createdAt: '2020-01-01T00:00:00.000Z',
		});
		expect(inserted).toMatchObject({ createdAt: '2020-01-01T00:00:00.000Z', updatedAt: '2020-01-01T00:00:00.000Z' });
		sandbox.documents.insert('profile-other', { title: 'Data', content: '{}', format: 'json' });
		expect(sandbox.documents.all('profile-other').map((doc) => doc.title)).toEqual(['Old', 'Data']);
		expect(sandbox.documents.corpus('profile-other')).toEqual([{ id: inserted.id, name: 'Old', text: 'old text' }]);
		const seeded = sandbox.documents.corpus('profile-sandbox').map((doc) => doc.id);
		expect(seeded).toEqual(expect.arrayContaining(Object.values(SEEDED_DOCUMENT_IDS)));
	});
});
