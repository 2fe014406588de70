import type { INodeProperties } from 'n8n-workflow';

import { binaryPropertyField } from '../../fields';
import { CREATE_ADDITIONAL_FIELDS } from './metadata';

export const CREATE_FIELDS: INodeProperties[] = [
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		required: true,
		default: '',
		description: 'Title of the document, up to 255 characters',
	},
	{
		displayName: 'Content Source',
		name: 'contentSource',
		type: 'options',
		default: 'text',
		options: [
			{ name: 'Text', value: 'text', description: 'Content typed in or from an expression' },
			{ name: 'Binary File', value: 'binary', description: 'A text file of the input item' },
		],
		description: 'Where the content comes from',
	},
	{
		displayName: 'Content',
		name: 'content',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 6 },
		displayOptions: { show: { contentSource: ['text'] } },
		description: 'The document text (Markdown, plain text, JSON or HTML, as Format says)',
	},
	{
		...binaryPropertyField('Input Binary Field', 'The name of the input binary field holding the text file'),
		displayOptions: { show: { contentSource: ['binary'] } },
	},
	{
		displayName: 'Format',
		name: 'format',
		type: 'options',
		default: 'md',
		options: [
			{ name: 'HTML', value: 'html' },
			{ name: 'JSON', value: 'json' },
			{ name: 'Markdown', value: 'md' },
			{ name: 'Plain Text', value: 'txt' },
		],
		description: 'Format of the content. Markdown and plain text are indexed for RAG questions.',
	},
	{
		displayName: 'Model Name',
		name: 'modelName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'claude-sonnet-4',
		description: 'The AI model that wrote the document',
	},
	{
		displayName: 'Model Provider',
		name: 'modelProvider',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'anthropic',
		description: 'Who provides the model, such as anthropic or openai',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: CREATE_ADDITIONAL_FIELDS,
	},
];
