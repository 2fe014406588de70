'use strict';
/**
 * Neither the API key nor an agent's model router token ever shows: not in an output item, an error
 * message or description, the whole run (what n8n stores as the execution), nor any log line. A broad
 * set of operations of every action node runs, on success and failure paths (server errors, broken
 * answers, lost connections, a wrong key, an unreachable server), with Continue On Fail off and on.
 */
const { createServer } = require('node:net');
const { PluggedInAgents } = require('../../nodes/PluggedInAgents/PluggedInAgents.node');
const { PluggedInClipboard } = require('../../nodes/PluggedInClipboard/PluggedInClipboard.node');
const { PluggedInDocuments } = require('../../nodes/PluggedInDocuments/PluggedInDocuments.node');
const { PluggedInNotifications } = require('../../nodes/PluggedInNotifications/PluggedInNotifications.node');
const { PluggedInRag } = require('../../nodes/PluggedInRag/PluggedInRag.node');
const { SEEDED_AGENTS } = require('../../sandbox/routes/agents');
const { SEEDED_DOCUMENT_IDS } = require('../../sandbox/routes/documents');
const { startSandbox } = require('../../sandbox/server');
const { runNode } = require('../harness/engine');
const { captureLogs } = require('./capture');

/** Shaped like a real key (pg_in_ and 64 characters), and easy to spot. */
const API_KEY = 'pg_in_' + 'LEAKCANARY'.padEnd(64, '0');
const TOKEN_MARK = 'TOKENCANARY';
const PROFILE = 'profile-sandbox';

const base64url = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A JWT like the model router's, with the mark in its signature. */
const canaryToken = (uuid) =>
	`${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url({ sub: uuid })}.${TOKEN_MARK}${uuid.replace(/-/g, '')}`;

let sandbox;
let stranger; // a server that does not know the key: 401
let closedPort; // nothing listens there: connection refused

beforeAll(async () => {
	sandbox = await startSandbox({ apiKey: API_KEY, seed: true });
	for (const agent of sandbox.agents.agents.values()) agent.model_router_token = canaryToken(agent.uuid);
	stranger = await startSandbox();
	const probe = createServer();
	await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
	closedPort = probe.address().port;
	await new Promise((resolve) => probe.close(resolve));
});

afterAll(async () => {
	await sandbox.stop();
	await stranger.stop();
});

/** Every secret the sandbox holds now: the key, and each agent's token (agents created by a run included). */
function secrets() {
	const tokens = [...sandbox.agents.agents.values()].map((agent) => agent.model_router_token).filter(Boolean);
	return [API_KEY, 'LEAKCANARY', TOKEN_MARK, ...tokens];
}

/** Agent names are unique: the create case runs twice. */
function forgetAgent(name) {
	for (const [uuid, agent] of sandbox.agents.agents) if (agent.name === name) sandbox.agents.agents.delete(uuid);
	sandbox.agents.names.delete(name);
}

const documentId = (value) => ({ __rl: true, mode: 'id', value });
const agentId = (value) => ({ __rl: true, mode: 'id', value });
const MISSING = '9e9e9e9e-0000-4000-8000-000000000000';
const FAST = { maxRetries: 0, maxRateLimitWait: 0, timeout: 1 };
const fault = (mode, path, phase = 'before') => ({ mode, path, phase });

const documents = () => new PluggedInDocuments();
const rag = () => new PluggedInRag();
const clipboard = () => new PluggedInClipboard();
const agents = () => new PluggedInAgents();
const notifications = () => new PluggedInNotifications();

/** [name, node, parameters, expected outcome, setup before the run] */
const ROWS = [
	['documents get many', documents, { operation: 'getMany', returnAll: true, simplify: false }, 'ok'],
	[
		'documents get with content and versions',
		documents,
		{ operation: 'get', documentId: documentId(SEEDED_DOCUMENT_IDS.ragGuide), includeVersions: true },
		'ok',
	],
	[
		'documents create',
		documents,
		{ operation: 'create', title: 'Canary', content: 'Hello', modelName: 'gpt-4o', modelProvider: 'openai' },
		'ok',
	],
	[
		'documents update',
		documents,
		{ operation: 'update', documentId: documentId(SEEDED_DOCUMENT_IDS.gettingStarted), content: 'More' },
		'ok',
	],
	['documents search', documents, { operation: 'search', query: 'Plugged' }, 'ok'],
	[
		'documents download',
		documents,
		{ operation: 'download', documentId: documentId(SEEDED_DOCUMENT_IDS.ragGuide) },
		'ok',
	],
	['documents get, missing', documents, { operation: 'get', documentId: documentId(MISSING) }, 'fail'],
	['documents delete (405)', documents, { operation: 'delete', documentId: documentId(MISSING) }, 'fail'],
	[
		'documents create, invalid',
		documents,
		{ operation: 'create', title: '   ', content: 'x', modelName: 'm', modelProvider: 'p' },
		'fail',
	],
	[
		'documents get, connection reset',
		documents,
		{ operation: 'get', documentId: documentId(SEEDED_DOCUMENT_IDS.ragGuide), options: FAST },
		'fail',
		() => sandbox.faults.script(fault('reset', /^\/api\/documents\//)),
	],
	[
		'documents create, 500 after the write',
		documents,
		{ operation: 'create', title: 'Canary 2', content: 'Hi', modelName: 'm', modelProvider: 'p', options: FAST },
		'fail',
		() => sandbox.faults.script(fault('500', /^\/api\/documents\/ai$/, 'after')),
	],
	[
		'documents get many, HTML error page',
		documents,
		{ operation: 'getMany', options: FAST },
		'fail',
		() => sandbox.faults.script(fault('html', /^\/api\/documents$/)),
	],
	['rag ask', rag, { operation: 'ask', query: 'What is Plugged.in?' }, 'ok'],
	['rag query with sources', rag, { operation: 'queryWithSources', query: 'What is Plugged.in?' }, 'ok'],
	['rag find relevant documents', rag, { operation: 'findRelevantDocuments', query: 'Plugged.in' }, 'ok'],
	['rag check availability', rag, { operation: 'checkAvailability' }, 'ok'],
	['rag storage stats of another user (403)', rag, { operation: 'getStorageStats', userId: 'user-other' }, 'fail'],
	[
		'rag ask, malformed answer',
		rag,
		{ operation: 'ask', query: 'What is Plugged.in?', options: FAST },
		'fail',
		() => sandbox.faults.script(fault('malformed', /^\/api\/rag/)),
	],
	['clipboard set', clipboard, { operation: 'set', keyBy: 'name', name: 'canary', value: 'v' }, 'ok'],
	['clipboard get', clipboard, { operation: 'get', keyBy: 'name', name: 'canary' }, 'ok'],
	['clipboard get many', clipboard, { operation: 'getMany', returnAll: true }, 'ok'],
	['clipboard push', clipboard, { operation: 'push', value: 'pushed' }, 'ok'],
	['clipboard pop', clipboard, { operation: 'pop' }, 'ok'],
	['clipboard delete', clipboard, { operation: 'delete', keyBy: 'name', name: 'canary' }, 'ok'],
	['clipboard get, missing', clipboard, { operation: 'get', keyBy: 'name', name: 'nothing-here' }, 'fail'],
	['clipboard push, too large', clipboard, { operation: 'push', value: 'x'.repeat(2_097_153) }, 'fail'],
	[
		'clipboard push, timeout',
		clipboard,
		{ operation: 'push', value: 'slow', options: FAST },
		'fail',
		() => sandbox.faults.script(fault('slow', /^\/api\/clipboard\/push$/, 'after')),
	],
	[
		'clipboard get many, 429',
		clipboard,
		{ operation: 'getMany', options: FAST },
		'fail',
		() => sandbox.faults.script(fault('429', /^\/api\/clipboard$/)),
	],
	['clipboard clear all', clipboard, { operation: 'clearAll' }, 'ok'],
	['agents get many', agents, { operation: 'getMany', returnAll: true, simplify: false }, 'ok'],
	['agents get', agents, { operation: 'get', agentId: agentId(SEEDED_AGENTS.active) }, 'ok'],
	[
		'agents export',
		agents,
		{ operation: 'export', agentId: agentId(SEEDED_AGENTS.active), includeTelemetry: true },
		'ok',
	],
	[
		'agents create',
		agents,
		{
			operation: 'create',
			name: 'canary-agent',
			image: 'nginx:alpine',
			additionalFields: { envOverrides: '{"OPENAI_API_KEY": "sk-live-123"}' },
		},
		'ok',
		() => forgetAgent('canary-agent'),
	],
	[
		'agents send heartbeat',
		agents,
		{ operation: 'sendHeartbeat', agentId: agentId(SEEDED_AGENTS.active), mode: 'IDLE', uptimeSeconds: 5 },
		'ok',
	],
	[
		'agents send metrics',
		agents,
		{ operation: 'sendMetrics', agentId: agentId(SEEDED_AGENTS.active), cpuPercent: 1, memoryMb: 2 },
		'ok',
	],
	['agents get logs', agents, { operation: 'getLogs', agentId: agentId(SEEDED_AGENTS.active) }, 'ok'],
	['agents get quota', agents, { operation: 'getQuota' }, 'ok'],
	[
		'agents wait for state',
		agents,
		{ operation: 'waitForState', agentId: agentId(SEEDED_AGENTS.active), targetState: 'ACTIVE' },
		'ok',
	],
	[
		'agents update',
		agents,
		{ operation: 'update', agentId: agentId(SEEDED_AGENTS.active), updateFields: { metadata: '{"team":"ops"}' } },
		'ok',
	],
	['agents get, missing', agents, { operation: 'get', agentId: agentId(MISSING) }, 'fail'],
	[
		'agents resume a terminated agent',
		agents,
		{ operation: 'resume', agentId: agentId(SEEDED_AGENTS.terminated) },
		'fail',
	],
	[
		'agents get, 503',
		agents,
		{ operation: 'get', agentId: agentId(SEEDED_AGENTS.active), options: FAST },
		'fail',
		() => sandbox.faults.script(fault('503', /^\/api\/agents\//)),
	],
	[
		'agents heartbeat, connection reset after the write',
		agents,
		{ operation: 'sendHeartbeat', agentId: agentId(SEEDED_AGENTS.active), options: FAST },
		'fail',
		() => sandbox.faults.script(fault('reset', /\/heartbeat$/, 'after')),
	],
	['notifications send', notifications, { operation: 'send', message: 'Canary', sendEmail: true }, 'ok'],
	// The server records which key sent a notification (its id and name) in the metadata.
	['notifications get many, raw', notifications, { operation: 'getMany', returnAll: true, simplify: false }, 'ok'],
	[
		'notifications mark as read, missing',
		notifications,
		{ operation: 'markAsRead', notificationId: documentId(MISSING) },
		'fail',
	],
	[
		'notifications send, 500 before the write',
		notifications,
		{ operation: 'send', message: 'Canary 2', options: FAST },
		'fail',
		() => sandbox.faults.script(fault('500', /^\/api\/notifications\/custom$/)),
	],
];

const CASES = ROWS.map(([name, node, parameters, outcome, setup]) => ({ name, node, parameters, outcome, setup }));

/** Runs on another server: the key is refused, or nothing answers at all. */
const CREDENTIAL_CASES = [
	['a server that refuses the key (401)', () => stranger.url],
	['an unreachable server', () => `http://127.0.0.1:${closedPort}`],
];

function expectNoSecrets(where, text) {
	const found = secrets().filter((secret) => text.includes(secret));
	expect({ where, found }).toEqual({ where, found: [] });
}

/** The run as n8n would store and show it, and everything logged meanwhile. */
function expectCleanRun(name, { result: run, lines }) {
	expectNoSecrets(`${name}: output items`, JSON.stringify(run.items));
	expectNoSecrets(`${name}: error`, `${run.error?.message ?? ''} ${run.error?.description ?? ''}`);
	expectNoSecrets(`${name}: whole run`, JSON.stringify(run.run));
	expectNoSecrets(`${name}: logs`, lines.join('\n'));
}

describe.each([false, true])('Continue On Fail %s', (continueOnFail) => {
	test.each(CASES)('$name', async ({ name, node, parameters, outcome, setup }) => {
		sandbox.faults.scripted.length = 0;
		setup?.();
		const captured = await captureLogs(() =>
			runNode(node(), parameters, {
				credentials: { apiKey: API_KEY, baseUrl: sandbox.url },
				continueOnFail,
				items: [{ note: 'input' }],
			}),
		);
		const failed = continueOnFail
			? captured.result.items.some((item) => typeof item.json.error?.message === 'string')
			: Boolean(captured.result.error);
		expect({ name, outcome: failed ? 'fail' : 'ok' }).toEqual({ name, outcome });
		expectCleanRun(name, captured);
	});

	test.each(CREDENTIAL_CASES)('%s', async (name, baseUrl) => {
		const captured = await captureLogs(() =>
			runNode(
				clipboard(),
				{ operation: 'getMany', options: FAST },
				{
					credentials: { apiKey: API_KEY, baseUrl: baseUrl() },
					continueOnFail,
				},
			),
		);
		const error = continueOnFail ? captured.result.items[0].json.error.message : captured.result.error.message;
		expect(error).toMatch(/Invalid API key|Could not connect to Plugged\.in/);
		expectCleanRun(name, captured);
	});
});

describe('the canaries are real', () => {
	test('the server sends the agent token, and the key reaches the server', async () => {
		const response = await fetch(`${sandbox.url}/api/agents/${SEEDED_AGENTS.active}`, {
			headers: { Authorization: `Bearer ${API_KEY}` },
		});
		expect(await response.text()).toContain(TOKEN_MARK);
		expect(sandbox.owners.get(API_KEY)).toMatchObject({ profile: PROFILE });
	});

	test('the checks see a secret wherever it is', async () => {
		const { lines } = await captureLogs(async () => {
			console.log('x', { header: `Bearer ${API_KEY}` });
			process.stderr.write(`token ${canaryToken(SEEDED_AGENTS.active)}\n`);
			require('n8n-workflow').LoggerProxy.debug('request', { headers: { authorization: API_KEY } });
		});
		expect(lines).toHaveLength(3);
		for (const line of lines) expect(secrets().some((secret) => line.includes(secret))).toBe(true);
	});
});
