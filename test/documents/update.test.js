'use strict';
const { SEEDED_DOCUMENT_IDS } = require('../../sandbox/routes/documents');
const { byId, PROFILE, useSandbox } = require('../harness/sandbox');
const { PluggedInDocuments } = require('../../nodes/PluggedInDocuments/PluggedInDocuments.node');

const t = useSandbox({ seed: true }, { node: () => new PluggedInDocuments() });
const model = { name: 'claude-sonnet-4', provider: 'anthropic' };

function newDocument(content = 'First part') {
	return t.sandbox.documents.insert(PROFILE, { title: 'Living doc', content, model }).id;
}
const contentOf = (id) => t.sandbox.documents.docs.get(id).content.toString('utf8');

test('the sandbox refuses a PATCH without the CSRF headers (403), and the node sends them', async () => {
	const id = newDocument();
	const response = await fetch(`${t.sandbox.url}/api/documents/${id}`, {
		method: 'PATCH',
		headers: { Authorization: `Bearer ${t.sandbox.apiKey}`, 'Content-Type': 'application/json' },
		body: JSON.stringify({ operation: 'append', content: 'x' }),
	});
	expect(response.status).toBe(403);
	expect(await response.json()).toEqual({ error: 'Invalid request origin', code: 'CSRF_INVALID_ORIGIN' });

	const { items, requests, error } = await t.sent({
		operation: 'update',
		documentId: byId(id),
		content: 'Second part',
	});
	expect(error).toBeUndefined();
	expect(requests.map((request) => `${request.method} ${request.status}`)).toEqual(['PATCH 200']);
	expect(items[0].json).toEqual({
		success: true,
		documentId: id,
		version: 2,
		fileWritten: true,
		message: 'Document updated successfully',
	});
	expect(contentOf(id)).toBe('First part\n\nSecond part');
});

test('prepend and replace, with the model, a change summary and new tags', async () => {
	const id = newDocument('Body');
	await t.run({ operation: 'update', documentId: byId(id), updateMode: 'prepend', content: 'Intro' });
	expect(contentOf(id)).toBe('Intro\n\nBody');
	const { items } = await t.run({
		operation: 'update',
		documentId: byId(id),
		updateMode: 'replace',
		content: 'All new',
		modelName: 'gpt-4o',
		modelProvider: 'openai',
		updateFields: { changeSummary: 'Rewrite', modelVersion: '2024-08', tags: 'draft, v3' },
	});
	expect(items[0].json.version).toBe(3);
	const stored = t.sandbox.documents.all(PROFILE).find((doc) => doc.id === id);
	expect(contentOf(id)).toBe('All new');
	expect(stored.tags).toEqual(['draft', 'v3']);
	expect(t.sandbox.documents.docs.get(id).versions[0]).toMatchObject({
		createdByModel: { name: 'gpt-4o', provider: 'openai', version: '2024-08' },
		changeSummary: 'Rewrite',
	});
});

test('bad input names the field and sends nothing', async () => {
	const id = newDocument();
	const cases = [
		[{ content: 'a\u0000b' }, '"Content" (content): contains the control character U+0000 at position 1'],
		[{ content: 'ok\u001b[0m' }, 'U+001B at position 2'],
		[{ content: '={{ "" }}' }, '"Content" (content): must not be empty'],
		[{ content: 'x'.repeat(10_000_001) }, 'accepts at most 10000000'],
		[{ content: 'x', updateFields: { changeSummary: 'Why' } }, '"Model Name" (modelName): is required'],
		[{ content: 'x', modelName: 'gpt-4o' }, '"Model Provider" (modelProvider): is required'],
	];
	for (const [parameters, message] of cases) {
		const { error, requests } = await t.sent({ operation: 'update', documentId: byId(id), ...parameters });
		expect(error.message).toContain(message);
		expect(requests).toEqual([]);
	}
	const tabs = await t.sent({ operation: 'update', documentId: byId(id), content: 'a\tb\r\nc' });
	expect(tabs.error).toBeUndefined();
});

test('an uploaded document cannot be updated: the server message, with what to check', async () => {
	const { error } = await t.sent({
		operation: 'update',
		documentId: byId(SEEDED_DOCUMENT_IDS.meetingNotes),
		content: 'x',
	});
	expect(error.message).toBe('Plugged.in: Document not found or access denied');
	expect(error.description).toContain('AI-generated document');
	expect(error.httpCode).toBe('404');
});

test('an update that failed with a 500 is not sent again (it may have been applied)', async () => {
	const id = newDocument();
	t.sandbox.faults.script({ method: 'PATCH', mode: '500', phase: 'after' });
	const { error, requests } = await t.sent({ operation: 'update', documentId: byId(id), content: 'once' });
	expect(requests).toHaveLength(1);
	expect(error.description).toContain('not repeated');
});

test('Continue On Fail: each item paired with its input, a failed one as an error item', async () => {
	const id = newDocument();
	const { items } = await t.sent(
		{ operation: 'update', documentId: byId(id), content: '={{ $json.text }}' },
		{ items: [{ text: 'good' }, { text: 'bad\u0007' }, { text: 'good again' }], continueOnFail: true },
	);
	expect(items.map((item) => item.pairedItem.item)).toEqual([0, 1, 2]);
	expect(items[0].json.version).toBe(2);
	expect(items[1].json.error.message).toContain('U+0007');
	expect(items[2].json.version).toBe(3);
});
