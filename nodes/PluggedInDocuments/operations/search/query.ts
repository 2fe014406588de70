import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

/** The server refuses queries with 10 or more of these (a ReDoS guard). */
const SPECIAL_CHARACTERS = /[.*+?^${}()|[\]\\]/g;

/** The Query of Search: what the server accepts, refused here with a message that says why. */
export const searchQuery = z
	.string()
	.refine((query) => query.trim().length > 0, 'must not be empty')
	.refine(
		(query) => query.length <= 500,
		(query) => ({
			message: `is ${query.length} characters long; Plugged.in accepts at most 500`,
		}),
	)
	.refine((query) => (query.match(SPECIAL_CHARACTERS) ?? []).length < 10, {
		message: 'has 10 or more of the characters . * + ? ^ $ { } ( ) | [ ] \\, which Plugged.in refuses: remove some',
	});

export const QUERY_FIELD: INodeProperties = {
	displayName: 'Query',
	name: 'query',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'quarterly report',
	description:
		'Words to look for in titles and descriptions (not in the content: use the RAG node for that). Up to 500 characters.',
};
