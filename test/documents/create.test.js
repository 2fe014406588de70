'use strict';
const { withBinaryInput } = require('../harness/binaryInput');
const { useSandbox } = require('../harness/sandbox');
const { PluggedInDocuments } = require('../../nodes/PluggedInDocuments/PluggedInDocuments.node');

const t = useSandbox({}, { node: () => new PluggedInDocuments() });
const base = {
	operation: 'create',
	title: 'Quarterly Report',
	content: '# Q3\n\nRevenue grew.',
	modelName: 'claude-sonnet-4',
	modelProvider: 'anthropic',
};

test('creates the document and returns it as Get shows it (one POST, one GET)', async () => {
	const { items, requests, error } = await t.sent({
		...base,
		additionalFields: {
			category: 'report',
			tags: 'finance, q3',
			visibility: 'workspace',
			modelVersion: '20250514',
			prompt: 'Summarise Q3',
			sessionId: 'session-42',
			temperature: 0.7,
			maxTokens: 4000,
		},
	});
	expect(error).toBeUndefined();
	expect(requests.map((request) => `${request.method} ${request.status}`)).toEqual(['POST 201', 'GET 200']);
	expect(requests[1].path).toBe(`/api/documents/${items[0].json.id}`);
	expect(items[0].json).toMatchObject({
		title: 'Quarterly Report',
		description: 'AI-generated report by claude-sonnet-4',
		mimeType: 'text/markdown',
		tags: ['finance', 'q3'],
		visibility: 'workspace',
		source: 'ai_generated',
		version: 1,
		aiMetadata: {
			model: { name: 'claude-sonnet-4', provider: 'anthropic', version: '20250514' },
			context: 'Summarise Q3',
			sessionId: 'session-42',
		},
	});
	expect(items[0].json.modelAttributions[0].metadata.generationParams).toEqual({ temperature: 0.7, maxTokens: 4000 });
});

test('Return Raw Response gives the server answer without reading the document back', async () => {
	const { items, requests } = await t.sent({ ...base, options: { returnRawResponse: true } });
	expect(requests).toHaveLength(1);
	expect(items[0].json).toEqual({
		success: true,
		documentId: expect.any(String),
		message: 'Document successfully created',
		url: `/library/${items[0].json.documentId}`,
	});
});

test('extra metadata is merged under the fields; conversation objects become strings', async () => {
	const { items } = await t.sent({
		...base,
		additionalFields: {
			visibility: 'public',
			extraMetadata: '{"visibility": "workspace", "context": "From JSON", "sourceDocuments": ["d1"], "customKey": 1}',
			conversationContext: '={{ [{ role: "user", content: "Write a report" }, "assistant: done"] }}',
		},
	});
	const document = items[0].json;
	expect(document.visibility).toBe('public');
	expect(document.aiMetadata.context).toBe('From JSON');
	expect(document.modelAttributions[0].metadata).toMatchObject({
		sourceDocuments: ['d1'],
		conversationContext: ['user: Write a report', 'assistant: done'],
	});
});

test('content from an input binary file', async () => {
	const nodeType = withBinaryInput(new PluggedInDocuments(), {
		property: 'upload',
		fileName: 'notes.txt',
		mimeType: 'text/plain',
		content: '\uFEFFPlain notes from a file\nline two',
	});
	const { items, error } = await t.sent(
		{
			...base,
			contentSource: 'binary',
			binaryPropertyName: 'upload',
			format: 'txt',
			options: { returnRawResponse: true },
		},
		{ nodeType },
	);
	expect(error).toBeUndefined();
	const stored = await t.run({
		operation: 'get',
		documentId: { __rl: true, mode: 'id', value: items[0].json.documentId },
	});
	expect(stored.items[0].json).toMatchObject({
		mimeType: 'text/plain',
		content: 'Plain notes from a file\nline two',
	});
});

test('a binary file that is not text is refused before any request', async () => {
	const nodeType = withBinaryInput(new PluggedInDocuments(), {
		fileName: 'image.png',
		mimeType: 'image/png',
		content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]),
	});
	const { error, requests } = await t.sent({ ...base, contentSource: 'binary' }, { nodeType });
	expect(error.message).toContain('"Input Binary Field" (binaryPropertyName)');
	expect(error.message).toContain('"image.png" is not a text file');
	expect(requests).toEqual([]);
});

test('bad input names the field and sends nothing', async () => {
	const tags = Array.from({ length: 21 }, (_, i) => `t${i}`).join(',');
	const cases = [
		[{ title: '  ' }, '"Title" (title): must not be empty'],
		// Empty required fields from expressions (n8n itself refuses them when typed).
		[{ modelName: '={{ "" }}' }, '"Model Name" (modelName)'],
		[{ content: '={{ "" }}' }, '"Content" (content): must not be empty'],
		[{ additionalFields: { tags } }, '"Tags" (tags): at most 20 tags'],
		[{ additionalFields: { extraMetadata: '{not json' } }, '"Extra Metadata" (extraMetadata): is not valid JSON'],
		[
			{ additionalFields: { extraMetadata: '{"conversationContext": [1, 2]}' } },
			'"Extra Metadata" (extraMetadata): conversationContext.0',
		],
		[{ content: 'x'.repeat(10 * 1024 * 1024 + 1) }, '"Content" (content): must be at most 10485760 characters'],
	];
	for (const [parameters, message] of cases) {
		const { error, requests } = await t.sent({ ...base, ...parameters });
		expect(error.message).toContain(message);
		expect(requests).toEqual([]);
	}
});

test('when reading the new document back fails, the error says it was created', async () => {
	t.sandbox.faults.script({ method: 'GET', path: /^\/api\/documents\/[0-9a-f-]{36}$/, mode: '500' });
	const { error, requests } = await t.sent({ ...base, options: { maxRetries: 0 } });
	expect(requests.map((request) => request.status)).toEqual([201, 500]);
	expect(error.message).toMatch(/^Document [0-9a-f-]{36} was created, but reading it back failed/);
	expect(error.description).toContain('do not create it again');
});
