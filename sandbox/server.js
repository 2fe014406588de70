'use strict';
const { randomUUID } = require('node:crypto');
const { createServer } = require('node:http');
const { Clock } = require('./clock');
const { Faults } = require('./faults');
const { BadJson, error, Router } = require('./http');
const { bearerToken, RateLimiter } = require('./limits');
const { AgentsArea } = require('./routes/agents');
const { ClipboardArea } = require('./routes/clipboard');
const { DocumentsArea } = require('./routes/documents');
const { NotificationsArea } = require('./routes/notifications');
const { profileRoutes } = require('./routes/profile');
const { RagArea } = require('./routes/rag');
/**
 * A local Plugged.in that answers as the real server does (../shared/reference/plugged-in-api.md,
 * section 8 first): status codes, error bodies, rate limits, quirks. In memory, one process.
 */
/**
 * @typedef {object} KeyOwner
 * @property {string} profile
 * @property {string} userId
 *
 * @typedef {object} SandboxOptions
 * @property {number} [port]            0 (default): a random free port
 * @property {string} [host]            default 127.0.0.1
 * @property {string} [apiKey]          default DEFAULT_API_KEY
 * @property {Record<string, KeyOwner>} [extraKeys]  more keys, each with its own profile (ownership tests)
 * @property {number} [latencyMs]       added before every answer
 * @property {RateLimitConfig} [rateLimits]  off unless `enabled`
 * @property {number} [rateLimitScale]  every rate-limit window times this (0.1: 60 s → 6 s); default 1
 * @property {FaultConfig} [faults]     none unless given
 * @property {boolean} [seed]           fill the library, clipboard and agents with sample data
 * @property {boolean} [documentDeleteRoute]  answer DELETE /api/documents/{id} (plugged.in itself answers 405)
 * @property {boolean} [ragEnabled]     false: RAG queries answer 500 "RAG is not enabled" (default true)
 * @property {string[]} [allowedOrigins] origins the CSRF check accepts besides plugged.in and the sandbox's own
 *
 * @typedef {object} RateLimitConfig   the real server's three layers (./limits.js)
 * @property {boolean} enabled
 * @property {number} [l1WindowMs]      layer 1 window (default 60 s)
 * @property {number} [l1Max]           layer 1 requests per window (default 100)
 * @property {boolean} [agentsWithoutRedis]  agent routes as a server without Redis: half the limits, one
 *   counter per address and path opened by any call, Retry-After 60 s with the window's real end in X-RateLimit-Reset
 *
 * @typedef {object} FaultConfig       injected failures (./faults.js)
 * @property {Record<string, number>} ratios  fault mode → share of requests, e.g. { '500': 0.1, reset: 0.05 }
 * @property {number} [slowMs]          how long a "slow" fault waits (default 5000)
 * @property {number} [seed]            seed of the fault dice (default 1)
 * @property {number} [retryAfterSeconds]  Retry-After of injected 429s (default 1)
 * @property {(method: string, path: string) => boolean} [filter]  only requests it accepts can fail
 *
 * What every area's routes share:
 * @typedef {object} SandboxContext
 * @property {import('./clock').Clock} clock
 * @property {() => string} newId
 * @property {Map<string, KeyOwner>} owners
 * @property {Sandbox} sandbox
 */
const DEFAULT_API_KEY = 'pg_in_' + 'sandbox'.padEnd(64, '0');
const PLUGGEDIN_ORIGINS = ['plugged.in', 'www.plugged.in', 'rc1.plugged.in', 'api.plugged.in'].flatMap((host) => [
	`https://${host}`,
	`http://${host}`,
]);
class Sandbox {
	options;
	clock = new Clock();
	router = new Router();
	owners = new Map();
	limiter;
	faults;
	documents;
	rag;
	clipboard;
	agents;
	notifications;
	/** Every request answered, oldest first (tests count requests per poll, retries, …). */
	log = [];
	latencyMs;
	apiKey;
	url = '';
	server;
	sockets = new Set();
	origins;
	constructor(options = {}) {
		this.options = options;
		this.apiKey = options.apiKey ?? DEFAULT_API_KEY;
		this.owners.set(this.apiKey, { profile: 'profile-sandbox', userId: 'user-sandbox' });
		for (const [key, owner] of Object.entries(options.extraKeys ?? {})) this.owners.set(key, owner);
		this.latencyMs = options.latencyMs ?? 0;
		this.limiter = new RateLimiter(this.clock, options.rateLimits, options.rateLimitScale);
		this.faults = new Faults(options.faults);
		this.origins = [...PLUGGEDIN_ORIGINS, ...(options.allowedOrigins ?? [])];
		const ctx = { clock: this.clock, newId: randomUUID, owners: this.owners, sandbox: this };
		profileRoutes(this.router);
		this.documents = new DocumentsArea(ctx, this.router);
		this.rag = new RagArea(ctx, this.router);
		this.clipboard = new ClipboardArea(ctx, this.router);
		this.agents = new AgentsArea(ctx, this.router);
		this.notifications = new NotificationsArea(ctx, this.router);
		if (options.seed) {
			this.documents.seed();
			this.clipboard.seed();
			this.agents.seed();
			this.notifications.seed();
		}
	}
	async start() {
		const server = createServer((req, res) => void this.handle(req, res));
		server.keepAliveTimeout = 65_000;
		server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		this.server = server;
		const host = this.options.host ?? '127.0.0.1';
		await new Promise((resolve, reject) => {
			server.once('error', reject);
			server.listen(this.options.port ?? 0, host, resolve);
		});
		const { port } = server.address();
		this.url = `http://${host}:${port}`;
		// The server trusts its own origin, as the real one trusts NEXTAUTH_URL.
		this.origins.push(this.url, `http://localhost:${port}`);
		return this;
	}
	async stop() {
		for (const socket of this.sockets) socket.destroy();
		await new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
	}
	/** Requests answered so far, optionally only those of one method and a path matching `path`. */
	count(method, path) {
		return this.log.filter(
			(entry) =>
				(!method || entry.method === method) &&
				(!path || (typeof path === 'string' ? entry.path === path : path.test(entry.path))),
		).length;
	}
	async handle(req, res) {
		const rawBody = await readBody(req);
		const url = new URL(req.url ?? '/', 'http://sandbox');
		const method = (req.method ?? 'GET').toUpperCase();
		const { route, params, methodNotAllowed } = this.router.match(method, url.pathname);
		const request = {
			method,
			path: url.pathname,
			params,
			query: url.searchParams,
			headers: req.headers,
			rawBody,
			profile: '',
			userId: '',
			ip: req.socket.remoteAddress ?? '127.0.0.1',
			json() {
				if (rawBody.length === 0) return undefined;
				try {
					return JSON.parse(rawBody.toString('utf8'));
				} catch {
					throw new BadJson('Malformed JSON');
				}
			},
		};
		const fault = url.pathname.startsWith('/api/') ? this.faults.choose(method, url.pathname) : undefined;
		const entry = { method, path: url.pathname, query: url.search, status: 0, fault: fault?.mode };
		this.log.push(entry);
		if (this.latencyMs > 0) await delay(this.latencyMs);
		if (fault?.phase === 'before') return this.sendFault(fault, res, entry);
		let reply;
		if (route) reply = await this.run(route.spec, route.handler, request);
		else if (methodNotAllowed) reply = { status: 405, text: '' };
		else reply = { status: 404, text: NOT_FOUND_PAGE, contentType: 'text/html; charset=utf-8' };
		if (fault) return this.sendFault(fault, res, entry);
		entry.status = reply.status;
		send(res, reply);
	}
	/** The real server's order: middleware limiter, route checks, rate limiter, CSRF, auth, handler. */
	async run(spec, handler, req) {
		try {
			const early =
				this.limiter.middleware(req) ??
				spec.preAuth?.(req) ??
				this.limiter.route(req, spec) ??
				(spec.csrf ? this.checkCsrf(req) : undefined) ??
				this.authenticate(req, spec);
			if (early) return early;
			return await handler(req);
		} catch {
			return error(500, spec.failure ?? 'Internal server error');
		}
	}
	authenticate(req, spec) {
		if (spec.auth === 'none') return undefined;
		const token = bearerToken(req);
		if (token === undefined) {
			return error(
				401,
				spec.auth === 'agents' ? 'Authentication required' : 'Authorization header with Bearer token is required',
			);
		}
		const owner = this.owners.get(token);
		if (!owner) return error(401, 'Invalid API key');
		req.profile = owner.profile;
		req.userId = owner.userId;
		return undefined;
	}
	checkCsrf(req) {
		const origin = headerValue(req, 'origin') ?? refererOrigin(headerValue(req, 'referer'));
		if (!origin || !this.origins.includes(origin)) {
			return error(403, 'Invalid request origin', { code: 'CSRF_INVALID_ORIGIN' });
		}
		const contentType = headerValue(req, 'content-type') ?? '';
		if (contentType.includes('application/json') && !headerValue(req, 'x-requested-with')) {
			return error(403, 'Missing required header for JSON requests', { code: 'CSRF_MISSING_HEADER' });
		}
		return undefined;
	}
	async sendFault(fault, res, entry) {
		switch (fault.mode) {
			case '429':
				entry.status = 429;
				return send(res, {
					status: 429,
					json: { error: 'Too many requests', retryAfter: Number(fault.retryAfter ?? 1) },
					headers: { 'Retry-After': fault.retryAfter ?? '1', 'X-RateLimit-Remaining': '0' },
				});
			case '429-no-retry-after':
				entry.status = 429;
				return send(res, {
					status: 429,
					json: { error: 'Too many requests. Please try again later.', code: 'RATE_LIMIT_EXCEEDED' },
				});
			case '500':
			case '502':
			case '503': {
				const status = Number(fault.mode);
				entry.status = status;
				return send(
					res,
					status === 500
						? { status, json: { error: 'Internal server error' } }
						: { status, text: gatewayPage(status), contentType: 'text/html; charset=utf-8' },
				);
			}
			case 'html':
				entry.status = 502;
				return send(res, { status: 502, text: gatewayPage(502), contentType: 'text/html; charset=utf-8' });
			case 'reset':
				entry.status = -1;
				return res.socket?.destroy();
			case 'slow':
				entry.status = -2;
				await delay(this.faults.slowMs);
				return res.socket?.destroy();
			case 'malformed':
				entry.status = 200;
				return send(res, { status: 200, text: '{"success":true,"entry":{"uuid":', contentType: 'application/json' });
		}
	}
}
async function startSandbox(options = {}) {
	return await new Sandbox(options).start();
}
function send(res, reply) {
	if (res.destroyed) return;
	const headers = { ...reply.headers };
	let body;
	if (reply.json !== undefined) {
		body = Buffer.from(JSON.stringify(reply.json));
		headers['Content-Type'] = 'application/json';
	} else if (reply.bytes) {
		body = reply.bytes;
		headers['Content-Type'] = reply.contentType ?? 'application/octet-stream';
	} else {
		body = Buffer.from(reply.text ?? '');
		if (reply.text) headers['Content-Type'] = reply.contentType ?? 'text/plain;charset=UTF-8';
	}
	headers['Content-Length'] = String(body.length);
	res.writeHead(reply.status, headers);
	res.end(body);
}
function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}
function headerValue(req, name) {
	const value = req.headers[name];
	return Array.isArray(value) ? value[0] : value;
}
function refererOrigin(referer) {
	if (!referer) return undefined;
	try {
		return new URL(referer).origin;
	} catch {
		return undefined;
	}
}
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const NOT_FOUND_PAGE =
	'<!DOCTYPE html><html><head><title>404: This page could not be found.</title></head><body><h1>404</h1><h2>This page could not be found.</h2></body></html>';
function gatewayPage(status) {
	return `<!DOCTYPE html><html><head><title>${status} Bad Gateway</title></head><body><center><h1>${status} Bad Gateway</h1></center><hr><center>nginx</center></body></html>`;
}

module.exports = { DEFAULT_API_KEY, Sandbox, startSandbox };
