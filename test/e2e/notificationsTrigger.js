'use strict';
/**
 * The trigger's New Notification event in a real n8n: activated before `n8n start`, polled once at
 * activation (records, emits nothing); then a custom and a server-written notification arrive, and the
 * next poll (a minute later) must start one execution carrying exactly those two.
 */
const assert = require('node:assert/strict');

const { activate, receivedByTrigger, triggerWorkflow, waitFor } = require('./trigger');

const WORKFLOW_ID = 'e2enotiftrigger';
const PROFILE = 'profile-sandbox';


async function prepareNotificationTrigger(instance) {
	await activate(instance, triggerWorkflow('E2E trigger: new notification', { event: 'newNotification' }), WORKFLOW_ID);
}

async function checkNotificationTrigger(instance, rest, sandbox) {
	const polls = () =>
		sandbox.log.filter((entry) => entry.method === 'GET' && entry.path === '/api/notifications').length;
	await waitFor('the poll at activation', () => polls() >= 1, 90_000);
	sandbox.notifications.insert(PROFILE, { type: 'CUSTOM', message: 'trigger e2e custom', severity: 'WARNING' });
	const document = sandbox.documents.insert(PROFILE, { title: 'trigger e2e document' });
	sandbox.notifications.documentCreated(PROFILE, document);

	const received = await receivedByTrigger(instance, rest, WORKFLOW_ID, 'an execution started by the New Notification trigger');
	assert.deepEqual(
		received.map((item) => `${item.event} ${item.type} ${item.message}`),
		[
			'newNotification CUSTOM trigger e2e custom',
			'newNotification document_created_ai gpt-4o created "trigger e2e document"',
		],
	);
}

module.exports = { checkNotificationTrigger, prepareNotificationTrigger };
