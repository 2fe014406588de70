import type { IHttpRequestMethods } from 'n8n-workflow';

/**
 * Plugged.in's rate limits (API ref §1 and §8) and what the node learns about them during one
 * execution. Layer 1: 100 requests / 60 s per client address and exact path, 429 without any header.
 * Layer 2: one counter per API key shared by document create/search/update and every clipboard call;
 * the call that opens the window sets its length. Layer 3: agent routes, per client address and path.
 * Layers 2 and 3 answer 429 with Retry-After and X-RateLimit-Limit/-Reset.
 */
export interface LimitRule {
	layer: 1 | 2 | 3;
	/** Counter the server keeps: the API key's (layer 2) or the path's (layers 1 and 3). */
	key: string;
	max: number;
	windowMs: number;
	/** What is counted, plural: "document creations". */
	what: string;
	path: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

interface PublishedLimit {
	method: IHttpRequestMethods;
	path: RegExp;
	layer: 2 | 3;
	max: number;
	windowMs: number;
	what: string;
}

const ID = '[^/]+';
const route = (pattern: string) => new RegExp(`^/api/${pattern}/?$`);

const PUBLISHED: PublishedLimit[] = [
	{
		method: 'PATCH',
		path: route(`documents/${ID}`),
		layer: 2,
		max: 10,
		windowMs: 5 * MINUTE,
		what: 'document updates',
	},
	{ method: 'POST', path: route('documents/ai'), layer: 2, max: 100, windowMs: HOUR, what: 'document creations' },
	{ method: 'POST', path: route('documents/search'), layer: 2, max: 100, windowMs: MINUTE, what: 'document searches' },
	{ method: 'GET', path: route('clipboard'), layer: 2, max: 100, windowMs: MINUTE, what: 'clipboard reads' },
	{ method: 'POST', path: route('clipboard(/push)?'), layer: 2, max: 60, windowMs: MINUTE, what: 'clipboard writes' },
	{
		method: 'DELETE',
		path: route('clipboard'),
		layer: 2,
		max: 30,
		windowMs: MINUTE,
		what: 'clipboard deletes and pops',
	},
	{
		method: 'POST',
		path: route('clipboard/pop'),
		layer: 2,
		max: 30,
		windowMs: MINUTE,
		what: 'clipboard deletes and pops',
	},
	{ method: 'GET', path: route('agents'), layer: 3, max: 60, windowMs: MINUTE, what: 'agent list requests' },
	{ method: 'POST', path: route('agents'), layer: 3, max: 20, windowMs: HOUR, what: 'agent creations' },
	{ method: 'GET', path: route(`agents/${ID}`), layer: 3, max: 120, windowMs: MINUTE, what: 'agent reads' },
	{ method: 'PATCH', path: route(`agents/${ID}`), layer: 3, max: 30, windowMs: 5 * MINUTE, what: 'agent updates' },
	{ method: 'DELETE', path: route(`agents/${ID}`), layer: 3, max: 20, windowMs: HOUR, what: 'agent deletions' },
	{
		method: 'POST',
		path: route(`agents/${ID}/(state|suspend|resume|restart|shutdown)`),
		layer: 3,
		max: 30,
		windowMs: MINUTE,
		what: 'agent lifecycle changes',
	},
	{ method: 'POST', path: route(`agents/${ID}/heartbeat`), layer: 3, max: 120, windowMs: MINUTE, what: 'heartbeats' },
	{ method: 'POST', path: route(`agents/${ID}/metrics`), layer: 3, max: 60, windowMs: MINUTE, what: 'metrics reports' },
	{
		method: 'POST',
		path: route(`agents/${ID}/(export|upgrade|replicate)`),
		layer: 3,
		max: 10,
		windowMs: 5 * MINUTE,
		what: 'agent exports',
	},
];

/** The limits a request counts against: layer 1 always, plus its route's layer 2 or 3 limit if it has one. */
export function limitsOf(method: IHttpRequestMethods, path: string): { l1: LimitRule; route?: LimitRule } {
	const l1: LimitRule = { layer: 1, key: `L1 ${path}`, max: 100, windowMs: MINUTE, what: 'requests', path };
	const published = PUBLISHED.find((limit) => limit.method === method && limit.path.test(path));
	if (!published) return { l1 };
	const { layer, max, windowMs, what } = published;
	return { l1, route: { layer, key: layer === 2 ? 'L2' : `L3 ${path}`, max, windowMs, what, path } };
}

/** What one execution knows about one counter of the server. */
export interface LimitState {
	/** No request on this counter before this time (a 429's reset, or the end of a full window). */
	pausedUntil: number;
	/** Start of the current window as this execution saw it (its first request in it), and requests sent since. */
	windowStart?: number;
	sent: number;
	succeeded: number;
	/** Learned: requests per window (X-RateLimit-Limit, or the successes before a header-less 429) and window length. */
	budget?: number;
	windowMs?: number;
	/** True from a header-less 429 until the next success: the window's end is being found by asking again. */
	probing: boolean;
	/** Probing after this execution's own full budget: the next success gives the window's length. */
	learning: boolean;
	/** A request is out asking whether the window has ended. */
	probeInFlight: boolean;
	/** The rule and reset of the last refusal, for the words of a later fail-fast. */
	refusal?: { rule: LimitRule; limit: number; resetAt?: number };
}

export function newLimitState(): LimitState {
	return { pausedUntil: 0, sent: 0, succeeded: 0, probing: false, learning: false, probeInFlight: false };
}

/** Header-less 429s are asked again after 0.5 s, 1 s, then every second, until the window opens again. */
export function probeDelayMs(probe: number): number {
	return Math.min(500 * 2 ** probe, 1_000);
}

/** The reset a 429 announces: the later of Retry-After (seconds or date) and X-RateLimit-Reset (ISO date or epoch seconds). */
export function announcedResetAt(headers: Record<string, string>, body: unknown, now = Date.now()): number | undefined {
	const candidates: number[] = [];
	const retryAfter = headers['retry-after'] ?? retryAfterOfBody(body);
	if (retryAfter !== undefined && retryAfter !== '') {
		const trimmed = retryAfter.trim();
		if (/^\d+(\.\d+)?$/.test(trimmed)) candidates.push(now + Number(trimmed) * 1000);
		else if (!Number.isNaN(Date.parse(trimmed))) candidates.push(Date.parse(trimmed));
	}
	const reset = headers['x-ratelimit-reset']?.trim();
	if (reset) {
		if (/^\d+$/.test(reset)) {
			const value = Number(reset);
			// Epoch seconds (10 digits) or milliseconds; a small number is seconds from now.
			candidates.push(value > 1e12 ? value : value > 1e9 ? value * 1000 : now + value * 1000);
		} else if (!Number.isNaN(Date.parse(reset))) candidates.push(Date.parse(reset));
	}
	return candidates.length ? Math.max(...candidates) : undefined;
}

function retryAfterOfBody(body: unknown): string | undefined {
	const value = (body as { retryAfter?: unknown } | undefined)?.retryAfter;
	return typeof value === 'number' || typeof value === 'string' ? String(value) : undefined;
}

/** "100 document creations per hour for this API key" */
export function limitWords(rule: LimitRule, limit = rule.max): string {
	const scope =
		rule.layer === 2 ? 'for this API key' : `from one client address to ${rule.layer === 1 ? rule.path : 'this route'}`;
	return `${limit} ${rule.what} per ${periodWords(rule.windowMs)} ${scope}`;
}

function periodWords(ms: number): string {
	if (ms === MINUTE) return 'minute';
	if (ms === HOUR) return 'hour';
	if (ms % HOUR === 0) return `${ms / HOUR} hours`;
	if (ms % MINUTE === 0) return `${ms / MINUTE} minutes`;
	return `${Math.round(ms / 1000)} seconds`;
}

/** "20:15:07 UTC", with the date when it is not within the next day. */
export function utcTime(at: number, now = Date.now()): string {
	const iso = new Date(at).toISOString();
	const time = `${iso.slice(11, 19)} UTC`;
	return at - now < 20 * HOUR ? time : `${iso.slice(0, 10)} ${time}`;
}

/** Message and description of a rate limit the node stopped waiting for. */
export function rateLimitText(options: {
	rule: LimitRule;
	limit: number;
	resetAt?: number;
	waitedMs: number;
	maxWaitMs: number;
	now?: number;
}): { message: string; description: string } {
	const { rule, limit, resetAt, waitedMs, maxWaitMs, now = Date.now() } = options;
	const waited = Math.round(waitedMs / 1000);
	const allowed = `Plugged.in allows ${limitWords(rule, limit)}`;
	const message =
		resetAt !== undefined
			? `${allowed}; try again after ${utcTime(resetAt, now)}`
			: waited > 0
				? `${allowed}, and still refused after ${waited} s of waiting`
				: `${allowed}; try again in up to ${Math.round(rule.windowMs / 1000)} s`;
	const who =
		rule.layer === 2
			? 'The server counts document creations, searches and updates and all clipboard calls of this key together, from every workflow or tool that uses it.'
			: 'The server counts every request from this network address to this route: other workflows, and on n8n Cloud other users sharing the address, count too; another API key does not help.';
	const needed = resetAt !== undefined ? Math.ceil((resetAt - now) / 1000) : undefined;
	const how =
		maxWaitMs === 0
			? 'Max Rate-Limit Wait is 0, so the node does not wait.'
			: `The node waited ${waited} s; Max Rate-Limit Wait is ${Math.round(maxWaitMs / 1000)} s.`;
	const change =
		needed !== undefined && needed <= 3600
			? `Raise Max Rate-Limit Wait to ${needed} s or more to wait it out, send fewer items per run (a smaller batch), or spread the work with a Schedule Trigger.`
			: 'Send fewer items per run (a smaller batch), or spread the work with a Schedule Trigger.';
	return { message, description: `${how} ${who} ${change}` };
}
