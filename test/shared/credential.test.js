'use strict';
// The credential: base URL normalisation (code and the credential test's expression agree), and the
// credential test's request and rules against the sandbox, read the way n8n's credential tester reads them.
const { PluggedInApi } = require('../../credentials/PluggedInApi.credentials');
const { normaliseBaseUrl } = require('../../nodes/shared/baseUrl');
const { useSandbox } = require('../harness/sandbox');

const credential = new PluggedInApi();
const fixture = useSandbox();

/** The test request's baseURL expression as a function of the credential's data. */
function expressionBaseUrl(baseUrl) {
	const body = credential.test.request.baseURL.replace(/^=\{\{/, '').replace(/\}\}$/, '');
	return new Function('$credentials', `return ${body}`)({ baseUrl });
}

/** What n8n's credential tester concludes from an answer: the first body rule that matches, else OK. */
async function credentialTest(data) {
	const url = expressionBaseUrl(data.baseUrl) + credential.test.request.url;
	const response = await fetch(url, { headers: { Authorization: `Bearer ${data.apiKey}` } });
	const text = await response.text();
	let body;
	try {
		body = JSON.parse(text);
	} catch {
		body = text;
	}
	const rule = credential.test.rules.find((candidate) => body?.[candidate.properties.key] === candidate.properties.value);
	return rule ? { status: 'Error', message: rule.properties.message } : { status: 'OK' };
}

describe('base URL', () => {
	test.each([
		['https://plugged.in', 'https://plugged.in'],
		['https://plugged.in/', 'https://plugged.in'],
		['https://plugged.in/api', 'https://plugged.in'],
		['https://plugged.in/api/', 'https://plugged.in'],
		['https://plugged.in//api//', 'https://plugged.in'],
		['https://www.plugged.in', 'https://plugged.in'],
		['https://www.plugged.in/api', 'https://plugged.in'],
		['  http://localhost:12005/  ', 'http://localhost:12005'],
		['http://10.0.0.5:3000/api', 'http://10.0.0.5:3000'],
		['https://pluggedin.example.com/base/api', 'https://pluggedin.example.com/base'],
		['https://www.plugged.income', 'https://www.plugged.income'],
		['', 'https://plugged.in'],
	])('%j → %j, in code and in the credential test alike', (raw, expected) => {
		expect(normaliseBaseUrl(raw)).toBe(expected);
		expect(expressionBaseUrl(raw)).toBe(expected);
	});
});

describe('credential test', () => {
	test('is a Bearer header with the trimmed key, and a password field', () => {
		expect(credential.authenticate.properties.headers.Authorization).toBe('=Bearer {{$credentials.apiKey.trim()}}');
		expect(credential.properties.find((p) => p.name === 'apiKey').typeOptions.password).toBe(true);
	});

	test('passes with the right key and a base URL with /api/', async () => {
		const { sandbox } = fixture;
		await expect(credentialTest({ apiKey: sandbox.apiKey, baseUrl: `${sandbox.url}/api/` })).resolves.toEqual({ status: 'OK' });
	});

	test('fails on a wrong key, in our words', async () => {
		const result = await credentialTest({ apiKey: 'pg_in_wrong', baseUrl: fixture.sandbox.url });
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/^Plugged\.in rejected the API key/) });
	});

	test('fails on a wrong base URL (a path that is not the API, answered with a web page)', async () => {
		const result = await credentialTest({ apiKey: fixture.sandbox.apiKey, baseUrl: `${fixture.sandbox.url}/v2` });
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/^No Plugged\.in API answered/) });
	});
});
