'use strict';
/**
 * What the notifications tests share: one sandbox per file (inbox emptied before each test), the node
 * run through the real engine, direct calls to the sandbox, and rows put straight into its store.
 */
const { PluggedInNotifications } = require('../../nodes/PluggedInNotifications/PluggedInNotifications.node');
const harness = require('../harness/sandbox');

const { PROFILE, byId } = harness;
const LIST = '/api/notifications';
const CREATE = '/api/notifications/custom';

/** The harness's sandbox fixture, with the inbox emptied before each test. */
function useSandbox(options = {}) {
	return harness.useSandbox(options, { reset: (sandbox) => sandbox.notifications.rows.clear() });
}

/** Runs the Notifications node once with these parameters. */
async function run(sandbox, parameters, options = {}) {
	return await harness.runAgainst(sandbox, new PluggedInNotifications(), parameters, options);
}

/** A request to the sandbox; `key` null sends no Authorization header. Returns status and JSON body. */
async function call(sandbox, method, path, body, { key = sandbox.apiKey } = {}) {
	const response = await fetch(sandbox.url + path, {
		method,
		headers: {
			...(key === null ? {} : { Authorization: `Bearer ${key}` }),
			...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
		},
		body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
	});
	const text = await response.text();
	return {
		status: response.status,
		headers: Object.fromEntries(response.headers),
		json: text ? JSON.parse(text) : undefined,
	};
}

/** Notifications put straight into the store, `createdAt` ms apart from `start` (oldest first); returns the rows. */
function insertNotifications(sandbox, count, { start = Date.now() - 60_000, step = 1, ...fields } = {}) {
	return Array.from({ length: count }, (_, index) =>
		sandbox.notifications.insert(PROFILE, { message: `note ${index}`, createdAt: start + index * step, ...fields }),
	);
}

const stored = (sandbox) => sandbox.notifications.notificationsOf(PROFILE);
const ISO_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

module.exports = { CREATE, ISO_Z, LIST, PROFILE, byId, call, insertNotifications, run, stored, useSandbox };
