import type { IDataObject, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { z } from 'zod';

import type { OperationCall } from '../shared/operations';
import { readParameters, validate } from '../shared/validate';
import { queryProblem } from './queryText';

export const TRUNCATION_MARKER = '\n\n[Response truncated for security]';
export const HEALTH_CHECK_QUERY = '__pluggedin_health_check__';
const RAG_DISABLED = 'RAG is not enabled';
// What the server answers when the search found nothing (older servers said "No response …").
const NOTHING_FOUND = ['No relevant documents found', 'No response generated', 'No response received'];

export const queryField: INodeProperties = {
	displayName: 'Query',
	name: 'query',
	type: 'string',
	typeOptions: { rows: 2 },
	required: true,
	default: '',
	placeholder: 'e.g. What are the deployment procedures?',
	description:
		'The question to search the document library for. 1 to 1000 characters. HTML tags are removed; ^ and \\ are not allowed.',
};

const querySchema = z.object({
	query: z.string().superRefine((query, context) => {
		const problem = queryProblem(query);
		if (problem) context.addIssue({ code: z.ZodIssueCode.custom, message: `The query ${problem}` });
	}),
});

/** One RAG answer, whatever form the server sent it in. */
export interface RagAnswer {
	answer: string;
	/** Document names, in the order of `documentIds`. */
	sources: string[];
	documentIds: string[];
	found: boolean;
	truncated: boolean;
}

/** Validates the item's query, sends it and reads the answer (text/plain or JSON). */
export async function askRag(call: OperationCall, includeMetadata: boolean): Promise<RagAnswer> {
	const { query } = validate(
		call.node,
		querySchema,
		readParameters(call.ctx, call.itemIndex, ['query']),
		call.itemIndex,
	);
	return toRagAnswer(await postQuery(call, query, includeMetadata));
}

/** POST /api/rag/query. Read-only, so 5xx and network errors are retried, except "RAG is not enabled". */
export async function postQuery({ api, node, itemIndex }: OperationCall, query: string, includeMetadata: boolean) {
	try {
		return await api.request<unknown>({
			method: 'POST',
			path: '/api/rag/query',
			body: { query, includeMetadata },
			idempotent: true,
			permanentFailure: ragSwitchedOff,
			itemIndex,
		});
	} catch (error) {
		if (error instanceof NodeApiError) explainRagError(error);
		throw new NodeApiError(node, error as JsonObject);
	}
}

/** The server's own words of an API error ("RAG is not enabled"), without our "Plugged.in: " prefix. */
export function serverReason(error: NodeApiError): string {
	const said = error.errorResponse?.error;
	return typeof said === 'string' ? said : error.message;
}

/** A 500 no retry fixes: the server has RAG switched off (ENABLE_RAG). */
export const ragSwitchedOff = (body: string): boolean => body.includes(RAG_DISABLED);

/** The description of a RAG 5xx: RAG switched off, or a read that was retried. */
export function explainRagError(error: NodeApiError): void {
	if (!error.httpCode?.startsWith('5')) return;
	// The shared wording assumes a POST may have been applied; a RAG query only reads.
	error.description =
		serverReason(error) === RAG_DISABLED
			? 'RAG (document search) is switched off on this Plugged.in server. Ask its administrator to enable it, or use the Check Availability operation to branch around it.'
			: 'The Plugged.in RAG service failed; the request was retried. Try again later.';
}

function toRagAnswer(body: unknown): RagAnswer {
	const json: IDataObject = typeof body === 'object' && body !== null ? (body as IDataObject) : {};
	const answer = typeof body === 'string' ? body : firstString(json.answer, json.response, json.results, json.message);
	return {
		answer,
		sources: stringList(json.sources),
		documentIds: stringList(json.documentIds ?? json.document_ids),
		found: answer.trim() !== '' && !NOTHING_FOUND.includes(answer.trim()),
		truncated: answer.endsWith(TRUNCATION_MARKER),
	};
}

/** Ids paired with names (the server lists them in the same order), once per document. */
export function sourceDocuments({ documentIds, sources }: RagAnswer): Array<{ id: string; name: string }> {
	const seen = new Set<string>();
	const documents: Array<{ id: string; name: string }> = [];
	documentIds.forEach((id, index) => {
		if (seen.has(id)) return;
		seen.add(id);
		documents.push({ id, name: sources[index] ?? `Document ${index + 1}` });
	});
	return documents;
}

function firstString(...values: unknown[]): string {
	return (values.find((value) => typeof value === 'string' && value !== '') as string | undefined) ?? '';
}

// The server passes names and ids through sanitize-html, which escapes & < >: undo that for output.
function stringList(value: unknown): string[] {
	if (!Array.isArray(value)) return [];
	return value.map((entry) => String(entry).replace(/&(lt|gt|amp);/g, (_, name: string) => ESCAPED[name]));
}

const ESCAPED: Record<string, string> = { lt: '<', gt: '>', amp: '&' };
