import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

const MAX_CONTENT_CHARS = 10_000_000;
/** The server refuses NUL and control characters other than tab (9), newline (10) and carriage return (13). */
const ALLOWED_CONTROL_CODES = [9, 10, 13];

export const updateContent = z.string().superRefine((content, context) => {
	const problem =
		content.length === 0
			? 'must not be empty'
			: content.length > MAX_CONTENT_CHARS
				? `is ${content.length} characters long; Plugged.in accepts at most ${MAX_CONTENT_CHARS}`
				: controlCharacterProblem(content);
	if (problem) context.addIssue({ code: z.ZodIssueCode.custom, message: problem });
});

function controlCharacterProblem(content: string): string | undefined {
	for (let index = 0; index < content.length; index++) {
		const code = content.charCodeAt(index);
		if (code < 32 && !ALLOWED_CONTROL_CODES.includes(code)) {
			const hex = code.toString(16).toUpperCase().padStart(4, '0');
			return `contains the control character U+${hex} at position ${index}; only tab, newline and carriage return are allowed`;
		}
	}
	return undefined;
}

export const UPDATE_FIELDS: INodeProperties[] = [
	{
		displayName: 'Update Mode',
		name: 'updateMode',
		type: 'options',
		default: 'append',
		options: [
			{ name: 'Append', value: 'append', description: 'Add the content at the end, after a blank line' },
			{ name: 'Prepend', value: 'prepend', description: 'Add the content at the start, before a blank line' },
			{ name: 'Replace', value: 'replace', description: 'Replace the whole content' },
		],
		description: 'How the new content is combined with the current one',
	},
	{
		displayName: 'Content',
		name: 'content',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 6 },
		description: 'The new content: up to 10,000,000 characters, no control characters except tab and line breaks',
	},
	{
		displayName: 'Model Name',
		name: 'modelName',
		type: 'string',
		default: '',
		placeholder: 'claude-sonnet-4',
		description: 'The AI model making the change, recorded in the version history (needed for the fields below)',
	},
	{
		displayName: 'Model Provider',
		name: 'modelProvider',
		type: 'string',
		default: '',
		placeholder: 'anthropic',
		description: 'Who provides the model, such as anthropic or openai',
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Change Summary',
				name: 'changeSummary',
				type: 'string',
				default: '',
				description: 'What changed, shown in the version history',
			},
			{
				displayName: 'Model Version',
				name: 'modelVersion',
				type: 'string',
				default: '',
				description: 'Version of the AI model',
			},
			{
				displayName: 'Tags',
				name: 'tags',
				type: 'string',
				default: '',
				description: "Comma-separated tags that replace the document's tags",
			},
		],
	},
];
