'use strict';
// Rate limits and Max Retries are separate budgets: 429s do not use up retries, and errors stay bounded by them.
const { json } = require('../../sandbox/http');
const { ProbeNode } = require('../harness/probeNode');
const { runAgainst, useSandbox } = require('../harness/sandbox');

const fixture = useSandbox();
const probe = (parameters) => runAgainst(fixture.sandbox, new ProbeNode(), { operation: 'send', ...parameters });

beforeAll(() => {
	const { router } = fixture.sandbox;
	router.get('/api/test/busy', { auth: 'apiKey' }, () => json(503, { error: 'Busy' }, { 'Retry-After': '0' }));
});

test('a 5xx with Retry-After is retried Max Retries times, not forever', async () => {
	const { error } = await probe({ path: '/api/test/busy', options: { maxRetries: 2 } });
	expect(error.httpCode).toBe('503');
	expect(fixture.sandbox.count('GET', '/api/test/busy')).toBe(3);
});

test('Retry-After and X-RateLimit-Reset disagree: the later one wins', async () => {
	const reset = new Date(Date.now() + 3_600_000).toISOString();
	fixture.sandbox.router.get('/api/test/disagree', { auth: 'apiKey' }, () =>
		json(429, { error: 'Too many requests', retryAfter: 60 }, { 'Retry-After': '60', 'X-RateLimit-Reset': reset }),
	);
	const { error } = await probe({ path: '/api/test/disagree', options: { maxRateLimitWait: 120 } });
	expect(error.httpCode).toBe('429');
	expect(error.message).toMatch(`try again after ${reset.slice(11, 19)} UTC`);
	expect(fixture.sandbox.count('GET', '/api/test/disagree')).toBe(1);
});
