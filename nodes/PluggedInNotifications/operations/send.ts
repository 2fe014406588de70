import type { IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { z } from 'zod';

import type { Operation } from '../../shared/operations';
import { SEVERITIES, SEVERITY_OPTIONS } from '../../shared/resources/notifications';
import { readParameters, validate } from '../../shared/validate';
import { identifySent, readBefore, sendOutput, type SentNotification } from '../readBack';

const schema = z.object({
	message: z
		.union([z.string(), z.number(), z.boolean()], {
			errorMap: () => ({ message: 'must be text: for an object, use JSON.stringify() in an expression' }),
		})
		.transform(String)
		.refine((value) => value.trim() !== '', 'must not be empty'),
	title: z.preprocess((value) => (value === '' || value === null ? undefined : value), z.string().optional()),
	// An AI agent or an expression may write "alert".
	severity: z.preprocess(
		(value) => (typeof value === 'string' ? value.trim().toUpperCase() : value),
		z.enum(SEVERITIES),
	),
	sendEmail: z.boolean(),
});

export const send: Operation = {
	option: {
		name: 'Send',
		value: 'send',
		description: 'Add a notification to the Plugged.in inbox, optionally also by email',
		action: 'Send a notification',
	},
	fields: [
		{
			displayName: 'Message',
			name: 'message',
			type: 'string',
			typeOptions: { rows: 4 },
			required: true,
			default: '',
			description: 'The text of the notification (Markdown in the email)',
		},
		{
			displayName: 'Title',
			name: 'title',
			type: 'string',
			default: '',
			description: 'Empty: Plugged.in titles it "Custom notification"',
		},
		{
			displayName: 'Severity',
			name: 'severity',
			type: 'options',
			default: 'INFO',
			options: SEVERITY_OPTIONS,
			description: 'How important it is. ALERT also notifies the Plugged.in administrators.',
		},
		{
			displayName: 'Send Email',
			name: 'sendEmail',
			type: 'boolean',
			default: false,
			description:
				"Whether to also email it to the profile's owner. The output's emailSent says whether the server could.",
		},
	],
	async execute({ ctx, api, node, itemIndex }) {
		const params = validate(
			node,
			schema,
			readParameters(ctx, itemIndex, ['message', 'title', 'severity', 'sendEmail']),
			itemIndex,
		);
		const sent: SentNotification = { message: params.message, title: params.title, severity: params.severity };
		// Read first: a failure here sends nothing.
		const before = await readBefore(api, itemIndex);
		let answer: IDataObject;
		try {
			// Not idempotent: sent again after a lost answer, it would notify twice. Retried on 429 only.
			answer = await api.request<IDataObject>({
				method: 'POST',
				path: '/api/notifications/custom',
				body: { ...sent, sendEmail: params.sendEmail },
				idempotent: false,
				itemIndex,
			});
		} catch (error) {
			// Hands back the same NodeApiError (n8n does not wrap one twice).
			if (!mayHaveBeenApplied(error)) throw new NodeApiError(node, error as JsonObject);
			// Look, do not resend: when the server applied it, the item succeeds with what it made.
			const found = await identifySent(api, sent, before, itemIndex);
			if (!('notification' in found)) throw new NodeApiError(node, error as unknown as JsonObject);
			return sendOutput(found, sent, {
				note: `Plugged.in's answer was lost (${error.message}); it was not sent again.`,
			});
		}
		const emailSent = answer?.emailSent === undefined ? {} : { emailSent: answer.emailSent };
		return sendOutput(await identifySent(api, sent, before, itemIndex), sent, emailSent);
	},
};

/** A 5xx, a lost connection, a timeout or a broken 2xx answer: the server may have created it. A 4xx did nothing. */
function mayHaveBeenApplied(error: unknown): error is NodeApiError {
	return error instanceof NodeApiError && !/^4\d\d$/.test(error.httpCode ?? '');
}
