import type { IDataObject, INode, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { parseJsonObject, parseList } from '../../../shared/json';
import { failInvalid } from '../../../shared/validate';

/** What Create sends as `metadata`: the server's schema (it strips keys it does not know). */
const metadataSchema = z
	.object({
		model: z.object({ name: z.string(), provider: z.string(), version: z.string().optional() }),
		context: z.string().optional(),
		visibility: z.enum(['private', 'workspace', 'public']).optional(),
		prompt: z.string().optional(),
		conversationContext: z.array(z.string()).optional(),
		sourceDocuments: z.array(z.string()).optional(),
		generationParams: z
			.object({ temperature: z.number().optional(), maxTokens: z.number().optional(), topP: z.number().optional() })
			.optional(),
	})
	.passthrough();

export const CREATE_ADDITIONAL_FIELDS: INodeProperties[] = [
	option('Category', 'category', 'options', 'other', 'What kind of document it is (shown in its description)', {
		options: ['analysis', 'code', 'documentation', 'guide', 'other', 'report', 'research'].map((value) => ({
			name: value.charAt(0).toUpperCase() + value.slice(1),
			value,
		})),
	}),
	option('Context', 'context', 'string', '', 'Why the document was made; stored with it as aiMetadata.context'),
	option(
		'Conversation Context',
		'conversationContext',
		'string',
		'',
		'Messages that led to the document: one per line, or an array of strings from an expression ({role, content} objects become "role: content")',
		{ typeOptions: { rows: 3 } },
	),
	option(
		'Extra Metadata',
		'extraMetadata',
		'json',
		'{}',
		'A JSON object of more metadata, merged under the fields above. Plugged.in drops keys it does not know.',
	),
	option('Max Tokens', 'maxTokens', 'number', 0, 'Generation parameter recorded with the document'),
	option('Model Version', 'modelVersion', 'string', '', 'Version of the AI model, such as 20250514'),
	option('Prompt', 'prompt', 'string', '', 'The prompt the document was written from', { typeOptions: { rows: 3 } }),
	option(
		'Session ID',
		'sessionId',
		'string',
		'',
		'Groups documents of one AI session (sent as the X-Session-Id header)',
	),
	option('Source Documents', 'sourceDocuments', 'string', '', 'Comma-separated IDs of documents this one was based on'),
	option('Tags', 'tags', 'string', '', 'Comma-separated tags, at most 20'),
	option('Temperature', 'temperature', 'number', 0, 'Generation parameter recorded with the document', {
		typeOptions: { numberPrecision: 2 },
	}),
	option('Top P', 'topP', 'number', 0, 'Generation parameter recorded with the document', {
		typeOptions: { numberPrecision: 2 },
	}),
	option('Visibility', 'visibility', 'options', 'private', 'Who can see the document', {
		options: [
			{ name: 'Private', value: 'private' },
			{ name: 'Public', value: 'public' },
			{ name: 'Workspace', value: 'workspace' },
		],
	}),
];

function option(
	displayName: string,
	name: string,
	type: INodeProperties['type'],
	defaultValue: INodeProperties['default'],
	description: string,
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	return { displayName, name, type, default: defaultValue, description, ...extra };
}

/** Conversation Context → string[]: lines of a text, or an array whose objects become "role: content". */
export function parseConversation(node: INode, value: unknown, itemIndex: number): string[] | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const entries = Array.isArray(value) ? value : String(value).split(/\r?\n/);
	const lines = entries.map((entry) => {
		if (typeof entry === 'string') return entry.trim();
		if (typeof entry === 'object' && entry !== null && typeof (entry as IDataObject).content === 'string') {
			const { role, content } = entry as IDataObject;
			return role ? `${String(role)}: ${String(content)}` : String(content);
		}
		return failInvalid(node, `"Conversation Context" (conversationContext): entries must be strings`, itemIndex);
	});
	const kept = lines.filter(Boolean);
	return kept.length ? kept : undefined;
}

/** The `metadata` object of Create: Extra Metadata (a JSON object) with the node's own fields on top, checked. */
export function buildMetadata(node: INode, fields: IDataObject, itemIndex: number): IDataObject {
	const extra = parseJsonObject(node, 'extraMetadata', fields.extraMetadata, itemIndex) ?? {};
	const generationParams = definedOnly({
		temperature: fields.temperature,
		maxTokens: fields.maxTokens,
		topP: fields.topP,
	});
	const metadata = {
		...extra,
		...definedOnly({
			model: definedOnly({ name: fields.modelName, provider: fields.modelProvider, version: fields.modelVersion }),
			visibility: fields.visibility,
			context: fields.context,
			prompt: fields.prompt,
			conversationContext: parseConversation(node, fields.conversationContext, itemIndex),
			sourceDocuments: parseList(fields.sourceDocuments),
			generationParams: Object.keys(generationParams).length
				? { ...(extra.generationParams as IDataObject), ...generationParams }
				: undefined,
		}),
	};
	const checked = metadataSchema.safeParse(metadata);
	if (checked.success) return checked.data as IDataObject;
	const issue = checked.error.issues[0];
	return failInvalid(node, `"Extra Metadata" (extraMetadata): ${issue.path.join('.')}: ${issue.message}`, itemIndex);
}

function definedOnly(values: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined && value !== ''));
}
