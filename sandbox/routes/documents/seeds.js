'use strict';
// The demo library: fixed ids, so demos and docs can point at them.

// ---- seed -----------------------------------------------------------------------------------------

const CLAUDE = { name: 'claude-sonnet-4', provider: 'anthropic' };
const GPT = { name: 'gpt-4o', provider: 'openai' };

/** Fixed ids, so demos and docs can point at them. */
const SEEDED_DOCUMENT_IDS = {
	gettingStarted: 'd0c5eed0-0000-4000-8000-000000000001',
	ragGuide: 'd0c5eed0-0000-4000-8000-000000000002',
	clipboardAndAgents: 'd0c5eed0-0000-4000-8000-000000000003',
	apiKeysAndLimits: 'd0c5eed0-0000-4000-8000-000000000004',
	meetingNotes: 'd0c5eed0-0000-4000-8000-000000000005',
	architecturePdf: 'd0c5eed0-0000-4000-8000-000000000006',
};

const SEEDED_DOCUMENTS = [
	{
		id: SEEDED_DOCUMENT_IDS.gettingStarted,
		title: 'Getting Started with Plugged.in',
		category: 'guide',
		format: 'md',
		tags: ['guide', 'onboarding'],
		visibility: 'workspace',
		model: CLAUDE,
		createdAt: '2026-11-01T09:00:00.000Z',
		content:
			'# Getting Started with Plugged.in\n\n' +
			'Plugged.in is a hub for MCP servers, AI documents and agents. Each API key belongs to one project (a Hub) ' +
			"and works on that project's active profile.\n\n" +
			'## First steps\n\n1. Create an API key under Settings → API Keys (keys start with `pg_in_`).\n' +
			'2. Call `GET /api/documents?limit=1` with `Authorization: Bearer <key>` to check it.\n' +
			'3. Save what your AI model writes with `POST /api/documents/ai`; it lands in the Library.',
		update: {
			at: '2026-11-02T10:30:00.000Z',
			model: GPT,
			changeSummary: 'Added a section on the Library',
			content:
				'## The Library\n\nEvery document has a version history. Updates append, prepend or replace content, ' +
				'and each one records the model that made it.',
		},
	},
	{
		id: SEEDED_DOCUMENT_IDS.ragGuide,
		title: 'Plugged.in RAG Knowledge Base',
		category: 'documentation',
		format: 'md',
		tags: ['rag', 'search', 'documentation'],
		visibility: 'workspace',
		model: CLAUDE,
		createdAt: '2026-11-03T09:00:00.000Z',
		content:
			'# RAG Knowledge Base\n\n' +
			'Plugged.in indexes Markdown and plain-text documents of a project for retrieval-augmented generation (RAG). ' +
			'Ask a question with `POST /api/rag/query`; the answer is built from the most relevant chunks of your ' +
			'documents, and with `includeMetadata` you also get the names and ids of the source documents.\n\n' +
			'Document search (`POST /api/documents/search`) is different: it matches titles and descriptions only.',
	},
	{
		id: SEEDED_DOCUMENT_IDS.clipboardAndAgents,
		title: 'Clipboard Memory and PAP Agents',
		category: 'documentation',
		format: 'md',
		tags: ['clipboard', 'agents'],
		visibility: 'private',
		model: GPT,
		createdAt: '2026-11-04T09:00:00.000Z',
		content:
			'# Clipboard Memory and PAP Agents\n\n' +
			'The clipboard is a key-value and stack memory that workflows and AI agents share: set a named entry, ' +
			'or push and pop indexed entries. Entries expire after 24 hours by default.\n\n' +
			'PAP agents (Plugged.in Agent Protocol) report heartbeats and metrics; their lifecycle goes from NEW to ' +
			'PROVISIONED, ACTIVE and finally TERMINATED.',
	},
	{
		id: SEEDED_DOCUMENT_IDS.apiKeysAndLimits,
		title: 'API Keys and Rate Limits',
		category: 'documentation',
		format: 'md',
		tags: ['api', 'security'],
		visibility: 'public',
		model: CLAUDE,
		createdAt: '2026-11-05T09:00:00.000Z',
		content:
			'# API Keys and Rate Limits\n\n' +
			'Plugged.in limits requests in three layers: 100 requests a minute per IP and path, a per-key budget for ' +
			'document and clipboard writes (document updates: 10 every 5 minutes), and limits for agent routes. ' +
			'A 429 answer carries Retry-After: wait that many seconds before trying again.',
	},
	{
		id: SEEDED_DOCUMENT_IDS.meetingNotes,
		title: 'Team Meeting Notes',
		format: 'txt',
		source: 'upload',
		tags: ['notes'],
		visibility: 'workspace',
		description: 'Weekly sync about the n8n integration',
		fileName: 'team-meeting-notes.txt',
		createdAt: '2026-11-06T09:00:00.000Z',
		content:
			'Weekly sync\n\n- The n8n nodes for Plugged.in cover documents, RAG, clipboard and agents.\n' +
			'- A polling trigger watches for new documents.\n- Next: publish the package on npm.',
	},
	{
		id: SEEDED_DOCUMENT_IDS.architecturePdf,
		title: 'Plugged.in Architecture Overview',
		mimeType: 'application/pdf',
		source: 'upload',
		tags: ['architecture'],
		visibility: 'workspace',
		description: 'Architecture diagram and notes (PDF)',
		fileName: 'plugged-in-architecture.pdf',
		createdAt: '2026-11-07T09:00:00.000Z',
		// Uploaded to the Hub's library: a project-level document (no profile).
		projectLevel: true,
		content: Buffer.from(
			'%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
				'2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
			'latin1',
		),
		ragText:
			'Plugged.in architecture: the web app (Next.js) serves the API; documents live on disk with their versions; ' +
			'a RAG service indexes project documents; agents run on Kubernetes and report to the app.',
	},
];

module.exports = { SEEDED_DOCUMENT_IDS, SEEDED_DOCUMENTS };
