'use strict';
/** Shared setup of the RAG tests: a sandbox whose library is a fixed set of documents. */
const { startSandbox } = require('../../sandbox/server');
const { runNode } = require('../harness/engine');
const { PluggedInRag } = require('../../nodes/PluggedInRag/PluggedInRag.node');

const DEPLOYMENT = {
	id: '11111111-1111-4111-8111-111111111111',
	name: 'Deployment Guide',
	text: [
		'Deployment procedures: build the image, push it to the registry, then roll out with kubectl.',
		'Rollback: run kubectl rollout undo when the deployment fails its health checks.',
	].join('\n\n'),
};
const AUTH = {
	id: '22222222-2222-4222-8222-222222222222',
	name: 'Authentication Flow',
	text: 'The authentication flow issues a session token after login. Deployment keys are separate.',
};
const RESEARCH = {
	id: '33333333-3333-4333-8333-333333333333',
	name: 'R&D > Plans',
	text: 'Research budget for the next quarter.',
};
// Far longer than the 10,000 characters the server returns: the answer gets truncated.
const HUGE = {
	id: '44444444-4444-4444-8444-444444444444',
	name: 'Zebra Handbook',
	text: Array.from({ length: 40 }, (_, i) => `Zebra paragraph ${i}: ${'stripes '.repeat(120)}`).join('\n\n'),
};
const LIBRARY = [DEPLOYMENT, AUTH, RESEARCH, HUGE];

async function ragSandbox(options = {}) {
	const sandbox = await startSandbox(options);
	sandbox.documents.corpus = (profile) => (profile === 'profile-sandbox' ? LIBRARY : []);
	return sandbox;
}

/** Runs the RAG node once against the sandbox; retries off unless the test asks for them. */
function runRag(sandbox, parameters, options = {}) {
	const { apiKey = sandbox.apiKey, ...rest } = options;
	return runNode(
		new PluggedInRag(),
		{ options: { maxRetries: 0 }, ...parameters },
		{ credentials: { apiKey, baseUrl: sandbox.url }, ...rest },
	);
}

/** A raw request to the sandbox, for what the node never sends (no auth, bad bodies). */
async function post(sandbox, body, headers = {}) {
	const response = await fetch(`${sandbox.url}/api/rag/query`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', ...headers },
		body: typeof body === 'string' ? body : JSON.stringify(body),
	});
	return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

const ragRequests = (sandbox) => sandbox.count('POST', '/api/rag/query');

module.exports = { ragSandbox, runRag, post, ragRequests, DEPLOYMENT, AUTH, RESEARCH, HUGE };
