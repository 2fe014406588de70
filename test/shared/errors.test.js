'use strict';
// Advice chosen by cause: what failed decides what the description tells the user (and an AI agent) to do.
const net = require('node:net');
const axios = require('axios');
const { NodeApiError } = require('n8n-workflow');
const { describeNetworkFailure, describeStatus, networkFailure, nothingSent, parseBody } = require('../../nodes/shared/errors');
const { networkCause } = require('../../nodes/shared/transport');
const { ProbeNode } = require('../harness/probeNode');
const { runAgainst, useSandbox } = require('../harness/sandbox');

const fixture = useSandbox();
const node = { id: '1', name: 'Probe', type: 'probe', typeVersion: 1, position: [0, 0], parameters: {} };
const CONTEXT = { baseUrl: 'http://127.0.0.1:9', timeoutMs: 5000, retried: false };

/** A real client error from a real failure, wrapped as n8n 2.x's httpRequestWithAuthentication wraps it. */
async function wrappedAs2x(url, timeout = 2000) {
	try {
		await axios.request({ url, timeout });
	} catch (error) {
		return new NodeApiError(node, error);
	}
	throw new Error(`${url} answered`);
}

/** The same failure as n8n 1.123.81 leaves it (measured): no `cause`, the code in `httpCode`, the client's words in `messages`. */
const wrappedAs1x = (code, words) => ({
	message: 'The service refused the connection - perhaps it is offline',
	httpCode: code,
	messages: [words, words],
});

describe('the failure is found however each n8n line wraps it', () => {
	test('n8n 2.x: a refused connection, from its cause', async () => {
		const { code, message } = networkCause(await wrappedAs2x('http://127.0.0.1:9/api'));
		expect(code).toBe('ECONNREFUSED');
		expect(networkFailure(code, message)).toBe('refused');
	});

	test('n8n 2.x: a timeout (axios ECONNABORTED)', async () => {
		const silent = net.createServer(() => {}).listen(0);
		try {
			const { code, message } = networkCause(await wrappedAs2x(`http://127.0.0.1:${silent.address().port}/`, 200));
			expect(networkFailure(code, message)).toBe('timeout');
		} finally {
			silent.close();
		}
	});

	test.each([
		['ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9', 'refused'],
		['ENOTFOUND', 'getaddrinfo ENOTFOUND no-such-host.invalid', 'dns'],
		['EAI_AGAIN', 'getaddrinfo EAI_AGAIN plugged.in', 'dns'],
		['EPROTO', 'write EPROTO …:SSL routines:ssl3_get_record:wrong version number', 'tls'],
		['CERT_HAS_EXPIRED', 'certificate has expired', 'tls'],
		['DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate', 'tls'],
		['ECONNABORTED', 'timeout of 500ms exceeded', 'timeout'],
		['ETIMEDOUT', 'connect ETIMEDOUT 10.0.0.1:443', 'timeout'],
		['ECONNRESET', 'read ECONNRESET', 'reset'],
		['EPIPE', 'write EPIPE', 'reset'],
	])('n8n 1.x: %s from httpCode and messages', (code, words, failure) => {
		const cause = networkCause(wrappedAs1x(code, words));
		expect(cause.code).toBe(code);
		expect(networkFailure(cause.code, cause.message)).toBe(failure);
	});

	test('a code only in the words is still found', () => {
		const cause = networkCause({ message: 'request failed: connect ECONNREFUSED 127.0.0.1:9' });
		expect(cause.code).toBe('ECONNREFUSED');
	});
});

describe('network advice', () => {
	test.each(['refused', 'dns', 'tls'])('%s: nothing was sent, running it again is safe', (failure) => {
		expect(nothingSent(failure)).toBe(true);
		const { description } = describeNetworkFailure(failure, 'CODE', CONTEXT);
		expect(description).toMatch(/Nothing was sent to Plugged\.in, so running it again is safe/);
		expect(description).not.toMatch(/may already have been applied/);
		expect(description).toMatch(/\(CODE\)/);
	});

	test.each(['timeout', 'reset'])('%s on a write: it may have been applied', (failure) => {
		expect(nothingSent(failure)).toBe(false);
		expect(describeNetworkFailure(failure, undefined, CONTEXT).description).toMatch(/may already have been applied/);
		expect(describeNetworkFailure(failure, undefined, { ...CONTEXT, retried: true }).description).not.toMatch(/applied/);
	});

	test('a timeout names the Timeout option and its value', () => {
		const { message, description } = describeNetworkFailure('timeout', 'ECONNABORTED', CONTEXT);
		expect(message).toBe('Plugged.in did not answer within 5 s');
		expect(description).toMatch(/Raise the Timeout option/);
	});
});

describe('404 advice', () => {
	const html = parseBody(Buffer.from('<!DOCTYPE html><html><body>404: This page could not be found.</body></html>'), 'text/html');
	const notFound = parseBody(Buffer.from('{"error":"Document not found"}'), 'application/json');

	test('an HTML 404 points at the Base URL, even on a route with an ID', () => {
		for (const resource of [undefined, 'document 4f2b']) {
			const { message, description } = describeStatus(404, html, {}, { resource, retried: true });
			expect(message).toBe('Plugged.in answered HTTP 404 with an HTML page');
			expect(description).toMatch(/Base URL .* without a path/);
			expect(description).not.toMatch(/ID/);
		}
	});

	test('a plain-text 404 also points at the Base URL', () => {
		const text = parseBody(Buffer.from('Not Found'), 'text/plain');
		expect(describeStatus(404, text, {}, { retried: true }).description).toMatch(/not Plugged\.in's API/);
	});

	test("a JSON 404 on a route with an ID names that ID", () => {
		const { message, description } = describeStatus(404, notFound, {}, { resource: 'document 4f2b', retried: true });
		expect(message).toBe('Plugged.in: Document not found');
		expect(description).toBe('Plugged.in found no document 4f2b. Check the ID: it may have been deleted, or belong to another profile.');
	});

	test('a JSON 404 on a route without an ID blames no ID', () => {
		const { description } = describeStatus(404, notFound, {}, { retried: true });
		expect(description).not.toMatch(/ID/);
		expect(description).toMatch(/Base URL/);
	});
});

describe('through n8n (2.x engine)', () => {
	test('a POST to a port with nothing listening: nothing was sent, so it is tried again and the advice says so', async () => {
		const closed = net.createServer().listen(0);
		const port = closed.address().port;
		await new Promise((resolve) => closed.close(resolve));
		const started = Date.now();
		const run = await runAgainst(
			{ ...fixture.sandbox, url: `http://127.0.0.1:${port}` },
			new ProbeNode(),
			{ operation: 'send', method: 'POST', path: '/api/clipboard/push', body: '{}', options: { maxRetries: 1 } },
		);
		expect(run.error.message).toBe(`Could not connect to Plugged.in at http://127.0.0.1:${port}`);
		expect(run.error.description).toMatch(/refused \(ECONNREFUSED\).*Nothing was sent/);
		// One retry after the 1 s backoff: the write was sent again, since nothing had been sent.
		expect(Date.now() - started).toBeGreaterThanOrEqual(900);
	});

	test('a Base URL with a path (an HTML 404) is blamed on the Base URL', async () => {
		const run = await runAgainst({ ...fixture.sandbox, url: `${fixture.sandbox.url}/app` }, new ProbeNode(), {
			operation: 'send',
			path: '/api/documents',
		});
		expect(run.error.httpCode).toBe('404');
		expect(run.error.description).toMatch(/Base URL/);
	});
});
