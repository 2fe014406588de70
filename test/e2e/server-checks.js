'use strict';
/** Checks against a running `n8n start`, through the same REST API the editor uses. */
const assert = require('node:assert/strict');

const { CREDENTIAL_ID, CREDENTIAL_NAME } = require('../../scripts/lib/n8n');

const OWNER = { email: 'e2e@example.com', firstName: 'E2E', lastName: 'Test', password: 'E2e-password-123' };
const BROWSER_ID = 'pluggedin-e2e-browser';

/** A logged-in session on a fresh instance (the first call sets the owner up). */
async function session(url) {
	const headers = { 'Content-Type': 'application/json', 'browser-id': BROWSER_ID };
	let response = await fetch(`${url}/rest/owner/setup`, { method: 'POST', headers, body: JSON.stringify(OWNER) });
	if (!response.ok) {
		response = await fetch(`${url}/rest/login`, {
			method: 'POST',
			headers,
			body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, email: OWNER.email, password: OWNER.password }),
		});
	}
	if (!response.ok) throw new Error(`could not log in to n8n: ${response.status} ${await response.text()}`);
	const cookie = response.headers
		.getSetCookie()
		.map((entry) => entry.split(';')[0])
		.join('; ');
	return async (method, path, body) => {
		const answer = await fetch(`${url}${path.startsWith('/types/') ? '' : '/rest'}${path}`, {
			method,
			headers: { ...headers, cookie },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await answer.text();
		let json;
		try {
			json = JSON.parse(text);
		} catch {
			json = undefined;
		}
		return { status: answer.status, json, text };
	};
}

async function testCredential(rest, data) {
	const response = await rest('POST', '/credentials/test', {
		credentials: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME, type: 'pluggedInApi', data },
	});
	assert.equal(response.status, 200, `credential test answered ${response.status}: ${response.text}`);
	return response.json.data;
}

/** The credential test passes with the sandbox key and fails, with our words, on a bad key or base URL. */
async function checkCredentialTest(rest, url, sandbox) {
	const good = await testCredential(rest, { apiKey: sandbox.apiKey, baseUrl: `${sandbox.url}/api/` });
	assert.equal(good.status, 'OK', `good key: ${JSON.stringify(good)}`);

	const badKey = await testCredential(rest, { apiKey: 'pg_in_wrong', baseUrl: sandbox.url });
	assert.equal(badKey.status, 'Error', `bad key: ${JSON.stringify(badKey)}`);
	assert.match(badKey.message, /Plugged\.in rejected the API key/, `bad key message: ${badKey.message}`);

	// A server that answers 200 with a web page is not Plugged.in: n8n's own REST root serves HTML.
	const notPluggedIn = await testCredential(rest, { apiKey: sandbox.apiKey, baseUrl: `${url}/healthz/x` });
	assert.equal(notPluggedIn.status, 'Error', `wrong base URL: ${JSON.stringify(notPluggedIn)}`);
	assert.match(notPluggedIn.message, /No Plugged\.in API answered at this Base URL/, `wrong base URL: ${notPluggedIn.message}`);

	const wrongPath = await testCredential(rest, { apiKey: sandbox.apiKey, baseUrl: `${sandbox.url}/v2` });
	assert.equal(wrongPath.status, 'Error', `wrong base path: ${JSON.stringify(wrongPath)}`);
	assert.match(wrongPath.message, /No Plugged\.in API answered at this Base URL/, `wrong base path: ${wrongPath.message}`);

	const unreachable = await testCredential(rest, { apiKey: sandbox.apiKey, baseUrl: 'http://127.0.0.1:9' });
	assert.equal(unreachable.status, 'Error', `unreachable base URL: ${JSON.stringify(unreachable)}`);
}

/** n8n derives an AI tool (…Tool) from each action node with usableAsTool. */
async function checkToolVariants(rest) {
	const response = await rest('GET', '/types/nodes.json');
	assert.equal(response.status, 200, 'types/nodes.json');
	const names = new Set(response.json.map((type) => type.name));
	const ours = [...names].filter((name) => name.startsWith('n8n-nodes-pluggedin.'));
	const actions = ours.filter((name) => !name.endsWith('Tool') && !name.endsWith('Trigger'));
	assert.ok(actions.length > 0, `no Plugged.in nodes registered: ${ours.join(', ')}`);
	for (const action of actions) assert.ok(names.has(`${action}Tool`), `${action} has no Tool variant`);
}

module.exports = { checkCredentialTest, checkToolVariants, OWNER, session };
