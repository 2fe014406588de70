'use strict';
/**
 * The server's request schemas (zod 3 as on the server, so 400 bodies carry the same issue details)
 * and the limits the routes check.
 */
const { z } = require('zod');

const SOURCES = ['all', 'upload', 'ai_generated', 'api'];
const FORMAT_MIME = { md: 'text/markdown', txt: 'text/plain', json: 'application/json', html: 'text/html' };
/** md and txt are RAG-indexed when created. */
const RAG_MIME = ['text/markdown', 'text/plain'];
const MAX_REQUEST_BYTES = 10 * 1024 * 1024;
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
/** Static segments beside /api/documents/[id]: other methods on them are 405, not an id lookup. */
const STATIC_SEGMENTS = ['search', 'ai'];

const modelSchema = z.object({ name: z.string(), provider: z.string(), version: z.string().optional() });
const listSchema = z.object({
	source: z.enum(SOURCES).optional().default('all'),
	modelName: z.string().optional(),
	modelProvider: z.string().optional(),
	dateFrom: z.string().datetime().optional(),
	dateTo: z.string().datetime().optional(),
	tags: z.array(z.string()).or(z.string()).optional(),
	category: z.string().optional(),
	visibility: z.enum(['all', 'private', 'workspace', 'public']).optional().default('all'),
	searchQuery: z.string().optional(),
	sort: z.enum(['date_desc', 'date_asc', 'title', 'size']).optional().default('date_desc'),
	limit: z.number().int().min(1).max(100).optional().default(20),
	offset: z.number().int().min(0).optional().default(0),
});
const getSchema = z.object({
	includeContent: z.enum(['true', 'false']).optional().default('false'),
	includeVersions: z.enum(['true', 'false']).optional().default('false'),
});
const searchSchema = z.object({
	query: z
		.string()
		.min(1)
		.max(500)
		.refine((value) => (value.match(/[.*+?^${}()|[\]\\]/g) || []).length < 10, {
			message: 'Query contains too many special characters',
		}),
	filters: z
		.object({
			modelName: z.string().optional(),
			modelProvider: z.string().optional(),
			dateFrom: z.string().datetime().optional(),
			dateTo: z.string().datetime().optional(),
			tags: z.array(z.string()).optional(),
			source: z.enum(SOURCES).optional().default('all'),
		})
		.optional(),
	limit: z.number().int().min(1).max(50).optional().default(10),
	offset: z.number().int().min(0).optional().default(0),
});
const createSchema = z.object({
	title: z.string().min(1).max(255),
	content: z.string().min(1).max(MAX_REQUEST_BYTES),
	format: z.enum(['md', 'txt', 'json', 'html']).default('md'),
	tags: z.array(z.string()).max(20).optional().default([]),
	category: z
		.enum(['report', 'analysis', 'documentation', 'guide', 'research', 'code', 'other'])
		.optional()
		.default('other'),
	metadata: z.object({
		model: modelSchema,
		context: z.string().optional(),
		visibility: z.enum(['private', 'workspace', 'public']).default('private'),
		prompt: z.string().optional(),
		conversationContext: z.array(z.string()).optional(),
		sourceDocuments: z.array(z.string()).optional(),
		generationParams: z
			.object({ temperature: z.number().optional(), maxTokens: z.number().optional(), topP: z.number().optional() })
			.optional(),
	}),
});
const updateSchema = z.object({
	operation: z.enum(['replace', 'append', 'prepend']),
	content: z
		.string()
		.min(1)
		.max(10_000_000)
		.refine((value) => !CONTROL_CHARS.test(value), { message: 'Content contains invalid control characters' }),
	metadata: z
		.object({ changeSummary: z.string().optional(), model: modelSchema, tags: z.array(z.string()).optional() })
		.optional(),
});

module.exports = {
	FORMAT_MIME,
	RAG_MIME,
	MAX_REQUEST_BYTES,
	STATIC_SEGMENTS,
	listSchema,
	getSchema,
	searchSchema,
	createSchema,
	updateSchema,
};
