'use strict';
/**
 * What the trigger tests share besides the sandbox fixture (test/harness/sandbox.js, a fresh sandbox per
 * test): a Trigger that polls the node through
 * n8n-core's real PollContext, keeping the workflow's static data between polls as n8n does (as
 * JSON: every poll starts from a JSON round trip of the stored state, like a restart).
 */
const { pollNode } = require('../harness/engine');
const { PluggedInTrigger } = require('../../nodes/PluggedInTrigger/PluggedInTrigger.node');
const { PROFILE } = require('../harness/sandbox');

const DOCUMENTS_LIST = /^\/api\/documents$/;

class Trigger {
	/**
	 * @param {object} sandbox
	 * @param {object} parameters  the node's parameters; `options.maxRetries` defaults to 0 so a scripted fault fails the poll
	 */
	constructor(sandbox, parameters) {
		this.sandbox = sandbox;
		this.parameters = { ...parameters, options: { maxRetries: 0, ...(parameters.options ?? {}) } };
		this.staticData = {};
		this.polls = 0;
	}

	/** One poll; `run.requests` are the sandbox log entries it caused. */
	async poll({ mode = 'trigger' } = {}) {
		const before = this.sandbox.log.length;
		const run = await pollNode(new PluggedInTrigger(), this.parameters, {
			credentials: { apiKey: this.sandbox.apiKey, baseUrl: this.sandbox.url },
			staticData: this.staticData,
			mode,
		});
		this.staticData = JSON.parse(JSON.stringify(run.staticData));
		this.polls++;
		return { ...run, json: run.items.map((item) => item.json), requests: this.sandbox.log.slice(before) };
	}

	/** The trigger's stored state (what n8n keeps in its database). */
	get stored() {
		return this.staticData['node:Trigger']?.pollState;
	}
}

/**
 * Makes the n-th request (from now) matching method and path fail with a fault mode ('500', 'reset', …).
 * Returns a function that removes the hook.
 */
function failNth(sandbox, n, { method = 'GET', path, mode = '500' }) {
	const faults = sandbox.faults;
	const choose = faults.choose.bind(faults);
	let seen = 0;
	faults.choose = (requestMethod, requestPath) => {
		if (requestMethod === method && path.test(requestPath) && ++seen === n) return { mode, phase: 'before' };
		return choose(requestMethod, requestPath);
	};
	return () => {
		faults.choose = choose;
	};
}

/** Adds `count` documents created at `at` (ms), titled `${prefix}-i`; returns their ids. */
function insertDocuments(sandbox, count, { at, prefix = 'doc', ...fields } = {}) {
	const ids = [];
	for (let i = 0; i < count; i++) {
		ids.push(sandbox.documents.insert(PROFILE, { title: `${prefix}-${i}`, createdAt: at, ...fields }).id);
	}
	return ids;
}

const ids = (run) => run.json.map((item) => item.id);

/** Everything jest can fake except Date: timers, sockets and the transport's sleeps stay real. */
const REAL_TIMERS = [
	'hrtime',
	'nextTick',
	'performance',
	'queueMicrotask',
	'requestAnimationFrame',
	'cancelAnimationFrame',
	'requestIdleCallback',
	'cancelIdleCallback',
	'setImmediate',
	'clearImmediate',
	'setInterval',
	'clearInterval',
	'setTimeout',
	'clearTimeout',
];

/**
 * Freezes Date at `startIso` for each test of the file: the node's "now" and the sandbox's clock
 * (real time + its offset) then move only when the test says, so time-based assertions do not
 * depend on the wall clock. Returns `advance(ms)`, which moves both.
 */
function useFrozenDate(startIso) {
	beforeEach(() => jest.useFakeTimers({ doNotFake: REAL_TIMERS, now: Date.parse(startIso) }));
	afterEach(() => jest.useRealTimers());
	return (ms) => jest.setSystemTime(Date.now() + ms);
}

/** A request to the sandbox with the default key (for the writes the trigger must notice). */
async function call(sandbox, method, path, body, headers = {}) {
	const response = await fetch(sandbox.url + path, {
		method,
		headers: {
			Authorization: `Bearer ${sandbox.apiKey}`,
			...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
			...headers,
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const json = await response.json();
	if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
	return json;
}

/** PATCH /api/documents/{id} (append), with the CSRF headers the route wants. */
function appendToDocument(sandbox, id, content = 'more') {
	return call(
		sandbox,
		'PATCH',
		`/api/documents/${id}`,
		{ operation: 'append', content },
		{
			Origin: sandbox.url,
			'X-Requested-With': 'XMLHttpRequest',
		},
	);
}

module.exports = {
	DOCUMENTS_LIST,
	Trigger,
	appendToDocument,
	call,
	failNth,
	ids,
	insertDocuments,
	useFrozenDate,
};
