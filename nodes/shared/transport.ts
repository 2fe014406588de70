import type {
	IAdditionalCredentialOptions,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { normaliseBaseUrl, originOf } from './baseUrl';
import {
	describeNetworkFailure,
	describeStatus,
	networkFailure,
	nothingSent,
	parseBody,
	type NetworkFailure,
	type ParsedBody,
} from './errors';
import { LimitCounters, type Counter } from './limitCounters';
import { rateLimitText } from './rateLimits';

export const CREDENTIAL_NAME = 'pluggedInApi';

export type ApiContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

export interface RequestSpec {
	method: IHttpRequestMethods;
	/** Path under the base URL, starting with /api/. */
	path: string;
	qs?: IDataObject;
	body?: unknown;
	headers?: Record<string, string>;
	/** Return the raw bytes instead of parsed JSON/text (downloads). */
	binary?: boolean;
	/**
	 * May this request be sent again after a 5xx, a network error or a timeout?
	 * Defaults to true for GET/HEAD/DELETE. Writes that may already have been applied
	 * (create, append, push, pop) must not be: they are retried on 429 only.
	 */
	idempotent?: boolean;
	/** Item the request belongs to, for error messages. */
	itemIndex?: number;
	/** Words for a 404, e.g. "document 4f…": "Plugged.in found no document 4f…". */
	resource?: string;
	/** Send the Origin and X-Requested-With headers the server's CSRF check wants (PATCH routes). */
	csrf?: boolean;
	/** True for a 5xx body that no retry can fix (e.g. "RAG is not enabled"): fail at once, even when idempotent. */
	permanentFailure?: (bodyText: string) => boolean;
}

export interface ApiResponse<T = unknown> {
	statusCode: number;
	headers: Record<string, string>;
	body: T;
	/** Bytes of the body, set when `binary` was asked for. */
	raw?: Buffer;
}

export interface TransportOptions {
	/** Per-attempt timeout in milliseconds. */
	timeoutMs: number;
	/** Retries after the first attempt (errors; rate limits are waited out instead). */
	maxRetries: number;
	/** How long one request may wait for rate limits in all, in milliseconds; 0 = fail at the first 429. */
	maxRateLimitWaitMs: number;
}

export const DEFAULT_TRANSPORT: TransportOptions = { timeoutMs: 60_000, maxRetries: 5, maxRateLimitWaitMs: 300_000 };

const BACKOFF_START_MS = 1_000;
const BACKOFF_CAP_MS = 30_000;

/**
 * The only way this package talks to Plugged.in. One instance per execution (or poll):
 * credentials and base URL are read once, and what it learns about the server's rate limits (a
 * 429's reset, a window's budget) holds back every request on the same counter, so parallel items
 * slow down together instead of multiplying 429s, and a limit that holds for an hour fails the
 * remaining items at once instead of sending each of them into it.
 */
export class PluggedInApi {
	/** What this execution knows of the server's rate-limit counters. */
	private readonly limits = new LimitCounters();

	private constructor(
		private readonly ctx: ApiContext,
		readonly baseUrl: string,
		readonly options: TransportOptions,
		private readonly credentialOptions: IAdditionalCredentialOptions,
	) {}

	static async create(ctx: ApiContext, options: Partial<TransportOptions> = {}): Promise<PluggedInApi> {
		const credentials = await ctx.getCredentials(CREDENTIAL_NAME);
		const baseUrl = normaliseBaseUrl(credentials.baseUrl as string | undefined);
		// Handed to every request: without it n8n loads and decrypts the credential again for each one
		// (a database read in n8n, about a third of the CPU time of a request).
		const credentialOptions: IAdditionalCredentialOptions = {
			credentialsDecrypted: { id: '', name: '', type: CREDENTIAL_NAME, data: credentials },
		};
		return new PluggedInApi(ctx, baseUrl, { ...DEFAULT_TRANSPORT, ...definedOnly(options) }, credentialOptions);
	}

	async request<T = unknown>(spec: RequestSpec): Promise<T> {
		return (await this.send<T>(spec)).body;
	}

	async send<T = unknown>(spec: RequestSpec): Promise<ApiResponse<T>> {
		const idempotent = spec.idempotent ?? isIdempotentMethod(spec.method);
		const counters = this.limits.of(spec.method, spec.path);
		let waitedMs = 0;
		let probes = 0;
		for (let attempt = 0; ; ) {
			const { waited, probing } = await this.limits.waitFor(
				counters,
				waitedMs,
				this.options.maxRateLimitWaitMs,
				(holding, until, waited) => this.rateLimitError(holding, until, waited, spec),
			);
			waitedMs += waited;
			const canRetry = attempt < this.options.maxRetries;
			let response: RawResponse;
			try {
				response = await this.attempt(spec);
			} catch (error) {
				for (const state of probing) state.probeInFlight = false;
				const { code, message } = networkCause(error);
				const failure = networkFailure(code, message);
				// A refused connection, an unknown host or a failed TLS handshake sent nothing: even a write may go again.
				if ((idempotent || nothingSent(failure)) && canRetry) {
					await sleep(backoffMs(attempt++));
					continue;
				}
				throw this.networkError(failure, code, spec, idempotent);
			}
			for (const state of probing) state.probeInFlight = false;
			const { statusCode } = response;
			if (statusCode === 429) {
				// The server did nothing: any request, writes included, is sent again once the limit allows,
				// without using up Max Retries. waitForLimits fails fast when the wait is longer than allowed.
				if (!this.limits.refused(counters, response.headers, response.raw, probes)) probes++;
				continue;
			}
			this.limits.accepted(counters);
			if (statusCode >= 200 && statusCode < 300) {
				const result = this.success<T>(response, spec);
				if (result) return result;
				// A broken answer (cut off, a proxy's page): a read is asked again; a write may have been applied.
				if (idempotent && canRetry) {
					await sleep(backoffMs(attempt++));
					continue;
				}
				throw this.brokenAnswer(response, spec, idempotent);
			}
			if (statusCode >= 500 && idempotent && canRetry && !spec.permanentFailure?.(response.raw.toString('utf8'))) {
				await sleep(retryAfterMs(response.headers) ?? backoffMs(attempt));
				attempt++;
				continue;
			}
			throw this.httpError(response, spec, idempotent);
		}
	}

	/**
	 * Every item of a limit/offset list. `page(offset, limit)` builds one page's request,
	 * `items(body)` takes the page's items. Stops on a short or empty page (the server's
	 * `total` can over-count), at `total`, or once `max` items are collected.
	 */
	async paginate<T>(
		page: (offset: number, limit: number) => RequestSpec,
		items: (body: IDataObject) => T[],
		pageSize: number,
		max = Infinity,
	): Promise<T[]> {
		const all: T[] = [];
		while (all.length < max) {
			const limit = Math.min(pageSize, max - all.length);
			const body = await this.request<IDataObject>(page(all.length, limit));
			const batch = items(body) ?? [];
			all.push(...batch);
			const total = Number(body.total);
			if (batch.length < limit || (Number.isFinite(total) && all.length >= total)) break;
		}
		return all.slice(0, max);
	}

	private async attempt(spec: RequestSpec): Promise<RawResponse> {
		const headers: Record<string, string> = {
			Accept: 'application/json, text/plain;q=0.9, */*;q=0.1',
			...spec.headers,
		};
		if (spec.csrf) {
			headers.Origin = originOf(this.baseUrl);
			headers['X-Requested-With'] = 'XMLHttpRequest';
		}
		const options: IHttpRequestOptions = {
			method: spec.method,
			url: this.baseUrl + spec.path,
			qs: spec.qs,
			headers,
			encoding: 'arraybuffer',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			// Never follow a redirect: it could hand the Authorization header to another host.
			disableFollowRedirect: true,
			timeout: this.options.timeoutMs,
			json: false,
		};
		if (spec.body !== undefined) {
			options.body = JSON.stringify(spec.body);
			headers['Content-Type'] = 'application/json';
		}
		const response = (await this.ctx.helpers.httpRequestWithAuthentication.call(
			this.ctx,
			CREDENTIAL_NAME,
			options,
			this.credentialOptions,
		)) as { statusCode: number; headers: Record<string, string>; body: Buffer | ArrayBuffer | string };
		return {
			statusCode: response.statusCode,
			headers: lowerCaseKeys(response.headers ?? {}),
			raw: toBuffer(response.body),
		};
	}

	/** The answer's body, parsed; undefined when it is not the JSON or text it claims to be. */
	private success<T>(response: RawResponse, spec: RequestSpec): ApiResponse<T> | undefined {
		if (spec.binary) {
			return { statusCode: response.statusCode, headers: response.headers, body: response.raw as T, raw: response.raw };
		}
		const parsed = parseBody(response.raw, response.headers['content-type']);
		if (parsed.kind === 'invalid-json' || parsed.kind === 'html') return undefined;
		return { statusCode: response.statusCode, headers: response.headers, body: parsed.value as T };
	}

	private brokenAnswer(response: RawResponse, spec: RequestSpec, idempotent: boolean): NodeApiError {
		const text = response.raw.toString('utf8').slice(0, 300);
		return new NodeApiError(this.ctx.getNode(), { status: response.statusCode, body: text } as JsonObject, {
			message: `Plugged.in sent a response that is not valid JSON (HTTP ${response.statusCode})`,
			description:
				'Check that the Base URL points at a Plugged.in server. A proxy or maintenance page can cause this. ' +
				(idempotent ? '' : 'The request may have been applied: check before running it again.'),
			httpCode: String(response.statusCode),
			itemIndex: spec.itemIndex,
		});
	}

	private httpError(response: RawResponse, spec: RequestSpec, idempotent: boolean): NodeApiError {
		const parsed: ParsedBody = parseBody(response.raw, response.headers['content-type']);
		const { message, description, body } = describeStatus(response.statusCode, parsed, response.headers, {
			resource: spec.resource,
			retried: idempotent,
		});
		const error = new NodeApiError(this.ctx.getNode(), body as JsonObject, {
			message,
			description,
			httpCode: String(response.statusCode),
			itemIndex: spec.itemIndex,
		});
		// Set again: NodeApiError swaps a message that names ECONNREFUSED & co. for a generic one of its own.
		error.message = message;
		return error;
	}

	private networkError(
		failure: NetworkFailure,
		code: string | undefined,
		spec: RequestSpec,
		idempotent: boolean,
	): NodeApiError {
		const { message, description } = describeNetworkFailure(failure, code, {
			baseUrl: this.baseUrl,
			timeoutMs: this.options.timeoutMs,
			retried: idempotent,
		});
		// Only the code (not as `code`, which NodeApiError would turn into its own message):
		// the raw error carries the request config, Authorization header included.
		const error = new NodeApiError(this.ctx.getNode(), { networkError: code ?? 'unknown' } as JsonObject, {
			message,
			description,
			itemIndex: spec.itemIndex,
		});
		// Set again: NodeApiError swaps a message it recognises for a generic one of its own.
		error.message = message;
		return error;
	}

	private rateLimitError(holding: Counter, until: number, waitedMs: number, spec: RequestSpec): NodeApiError {
		const { rule, state } = holding;
		const refusal = state.refusal ?? { rule, limit: state.budget ?? rule.max, resetAt: until };
		const { message, description } = rateLimitText({
			rule: refusal.rule,
			limit: refusal.limit,
			resetAt: refusal.resetAt ?? (state.probing ? undefined : until),
			waitedMs,
			maxWaitMs: this.options.maxRateLimitWaitMs,
		});
		const error = new NodeApiError(
			this.ctx.getNode(),
			{ status: 429, limit: refusal.limit, resetAt: refusal.resetAt ? new Date(refusal.resetAt).toISOString() : null },
			{ message, description, httpCode: '429', itemIndex: spec.itemIndex },
		);
		error.message = message;
		return error;
	}
}

interface RawResponse {
	statusCode: number;
	headers: Record<string, string>;
	raw: Buffer;
}

/**
 * The code and words of a failure without an HTTP answer. n8n wraps the HTTP client's error in a
 * NodeApiError: 2.x keeps the client's error as `cause` (with `code`); 1.x keeps only `httpCode`
 * (the code) and `messages` (the client's words, e.g. "timeout of 500ms exceeded").
 */
export function networkCause(error: unknown): { code?: string; message: string } {
	const outer = (error ?? {}) as {
		code?: unknown;
		httpCode?: unknown;
		message?: unknown;
		messages?: unknown;
		cause?: { code?: unknown; message?: unknown };
	};
	const words = [outer.cause?.message, outer.message, ...(Array.isArray(outer.messages) ? outer.messages : [])];
	const message = words.filter((word): word is string => typeof word === 'string').join(' ');
	const isCode = (value: unknown): value is string => typeof value === 'string' && /^[A-Z][A-Z0-9_]+$/.test(value);
	const code =
		[outer.cause?.code, outer.code, outer.httpCode].find(isCode) ?? /\b(E[A-Z]{4,}|ERR_[A-Z_]+)\b/.exec(message)?.[1];
	return { code, message };
}

function isIdempotentMethod(method: IHttpRequestMethods): boolean {
	return ['GET', 'HEAD', 'DELETE'].includes(method);
}

export function backoffMs(attempt: number): number {
	return Math.min(BACKOFF_START_MS * 2 ** attempt, BACKOFF_CAP_MS);
}

/** Retry-After as seconds, or as an HTTP or ISO date; undefined when absent or unreadable. */
export function retryAfterMs(headers: Record<string, string>, now = Date.now()): number | undefined {
	const value = headers['retry-after'];
	if (value === undefined || value === '') return undefined;
	if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function toBuffer(body: Buffer | ArrayBuffer | string | undefined): Buffer {
	if (body === undefined || body === null) return Buffer.alloc(0);
	if (Buffer.isBuffer(body)) return body;
	if (typeof body === 'string') return Buffer.from(body, 'utf8');
	return Buffer.from(body);
}

function lowerCaseKeys(headers: Record<string, unknown>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of Object.entries(headers)) out[key.toLowerCase()] = String(value);
	return out;
}

function definedOnly<T extends object>(value: T): Partial<T> {
	return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
