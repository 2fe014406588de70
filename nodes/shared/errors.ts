import type { IDataObject } from 'n8n-workflow';

export type ParsedBody =
	| { kind: 'json'; value: unknown; text: string }
	| { kind: 'text'; value: string; text: string }
	| { kind: 'html'; text: string }
	| { kind: 'invalid-json'; text: string }
	| { kind: 'empty'; value: undefined; text: '' };

/** JSON when the server says JSON, text for text/plain (RAG answers), HTML pages recognised as such. */
export function parseBody(raw: Buffer, contentType = ''): ParsedBody {
	const text = raw.toString('utf8');
	if (text.trim() === '') return { kind: 'empty', value: undefined, text: '' };
	const type = contentType.toLowerCase();
	if (type.includes('json')) {
		try {
			return { kind: 'json', value: JSON.parse(text), text };
		} catch {
			return { kind: 'invalid-json', text };
		}
	}
	if (type.includes('html') || /^\s*<(!doctype|html)/i.test(text)) return { kind: 'html', text };
	return { kind: 'text', value: text, text };
}

const WHAT_TO_DO: Record<number, string> = {
	400: 'Plugged.in rejected the request: check the parameters named above.',
	401: 'Check the API key and the Base URL of the Plugged.in credential.',
	403: 'The API key has no access to this resource, or the server refused the request origin.',
	405: 'This Plugged.in server does not offer this operation through its API.',
	409: 'The resource is in a conflicting state: refresh it and try again.',
	413: 'The request is too large for Plugged.in: send less content.',
};

export interface DescribedError {
	message: string;
	description: string;
	/** What goes into the error's response body: the server's own JSON, or a short text excerpt. */
	body: IDataObject;
}

/** What the transport knows about the failed request. */
export interface FailedRequest {
	/** Words for a 404, e.g. "document 4f…". */
	resource?: string;
	/** Whether the transport sends this request again after a 5xx (its idempotency rule decides). */
	retried: boolean;
}

/** The server's own words in the message, what to do in the description. */
export function describeStatus(
	status: number,
	parsed: ParsedBody,
	headers: Record<string, string>,
	spec: FailedRequest,
): DescribedError {
	const json = parsed.kind === 'json' && isObject(parsed.value) ? parsed.value : undefined;
	const serverText = json ? serverMessage(json) : parsed.kind === 'text' ? parsed.text.trim().slice(0, 300) : '';
	const body: IDataObject = json ?? { status, body: parsed.text.slice(0, 300) };

	let message = serverText
		? `Plugged.in: ${serverText}`
		: parsed.kind === 'html'
			? `Plugged.in answered HTTP ${status} with an HTML page`
			: `Plugged.in answered HTTP ${status}`;
	if (status === 404 && json && spec.resource && !serverText) message = `Plugged.in found no ${spec.resource}`;

	let description = WHAT_TO_DO[status] ?? (status >= 500 ? serverErrorAdvice(spec) : '');
	if (status === 404) description = notFoundAdvice(Boolean(json), spec.resource);
	if (status >= 300 && status < 400) {
		const target = redirectOrigin(headers.location);
		message = `Plugged.in answered HTTP ${status}, a redirect${target ? ` to ${target}` : ''}`;
		description =
			'Redirects are not followed, so the API key is never sent to another address. Set the Base URL of the credential to the address the server redirects to (for example https:// instead of http://).';
	}
	const details = json ? detailsText(json) : '';
	if (details) message = `${message} (${details})`;
	return { message, description: description.trim(), body };
}

/**
 * Plugged.in's API answers a missing record with JSON. A web page (or any other non-JSON 404) comes from
 * an address that does not lead to the /api/ routes: a path in the Base URL, or another server.
 */
function notFoundAdvice(isJson: boolean, resource: string | undefined): string {
	if (!isJson) {
		return "This address answered with a page that is not Plugged.in's API, so the request never reached Plugged.in's /api/ routes. Set the Base URL of the credential to the server's address without a path (for example https://plugged.in or http://host:port).";
	}
	if (resource) return `Plugged.in found no ${resource}. Check the ID: it may have been deleted, or belong to another profile.`;
	return 'Plugged.in has nothing at this address: check that the Base URL of the credential is the server\'s address without a path, and that this server offers the operation.';
}

/** Only the scheme and host of a redirect's target: its path or query could carry a token. */
function redirectOrigin(location: string | undefined): string | undefined {
	if (!location || !/^https?:\/\//i.test(location)) return undefined;
	try {
		return new URL(location).origin;
	} catch {
		return undefined;
	}
}

/** A request the transport does not repeat (a pop, a delete by name) may have been applied, whatever its method. */
function serverErrorAdvice({ retried }: FailedRequest): string {
	return retried
		? 'Plugged.in had an internal error; it was retried. Try again later.'
		: 'Plugged.in had an internal error. The request was not repeated, because it may already have been applied: check before running it again.';
}

/** What went wrong below HTTP, as n8n 1.x and 2.x report it (see `networkCause`). */
export type NetworkFailure = 'refused' | 'dns' | 'tls' | 'timeout' | 'reset';

/** Failures before the request left: nothing reached the server, so sending it again is safe, even a write. */
export function nothingSent(failure: NetworkFailure): boolean {
	return failure === 'refused' || failure === 'dns' || failure === 'tls';
}

const REFUSED = ['ECONNREFUSED', 'ENETUNREACH', 'EHOSTUNREACH', 'EHOSTDOWN', 'EADDRNOTAVAIL'];
const DNS = ['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA'];
const TIMEOUT = ['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT'];

/** The kind of failure from its code (ECONNREFUSED, CERT_HAS_EXPIRED…) or, without one, its message. */
export function networkFailure(code: string | undefined, message = ''): NetworkFailure {
	if (code && REFUSED.includes(code)) return 'refused';
	if (code && DNS.includes(code)) return 'dns';
	if (code && (code === 'EPROTO' || /CERT|SSL|TLS|SIGNATURE|ISSUER/.test(code))) return 'tls';
	if ((code && TIMEOUT.includes(code)) || /timeout|timed out/i.test(message)) return 'timeout';
	return 'reset';
}

/** Message and description of a request that got no HTTP answer. */
export function describeNetworkFailure(
	failure: NetworkFailure,
	code: string | undefined,
	{ baseUrl, timeoutMs, retried }: { baseUrl: string; timeoutMs: number; retried: boolean },
): { message: string; description: string } {
	const named = code ? ` (${code})` : '';
	const safe = 'Nothing was sent to Plugged.in, so running it again is safe.';
	if (failure === 'refused') {
		return {
			message: `Could not connect to Plugged.in at ${baseUrl}`,
			description: `The connection was refused${named}: check the Base URL of the credential (host and port) and that the server is running. ${safe}`,
		};
	}
	if (failure === 'dns') {
		return {
			message: `Could not find the host of ${baseUrl}`,
			description: `The host name does not resolve${named}: check the Base URL of the credential. ${safe}`,
		};
	}
	if (failure === 'tls') {
		return {
			message: `Could not open a secure connection to ${baseUrl}`,
			description: `The TLS handshake failed${named}: check http:// against https:// in the Base URL, and the server's certificate. ${safe}`,
		};
	}
	const maybeApplied = retried
		? ''
		: ' The request may already have been applied, so it was not sent again: check before running it again.';
	if (failure === 'timeout') {
		return {
			message: `Plugged.in did not answer within ${Math.round(timeoutMs / 1000)} s`,
			description: `Raise the Timeout option, or try again later.${maybeApplied}`,
		};
	}
	return {
		message: `The connection to Plugged.in at ${baseUrl} was lost`,
		description: `The connection broke before an answer came${named}: try again later.${maybeApplied}`,
	};
}

function serverMessage(json: IDataObject): string {
	const { error, message } = json;
	if (typeof error === 'string') return error;
	if (isObject(error) && typeof error.message === 'string') return error.message;
	if (typeof message === 'string') return message;
	return '';
}

/** Zod details come as raw issues ({path: [...], message}) or as [{path: 'a.b', message}]. */
export function detailsText(json: IDataObject): string {
	const { details } = json;
	if (typeof details === 'string') return details;
	if (!Array.isArray(details)) return '';
	return details
		.map((issue) => {
			if (typeof issue === 'string') return issue;
			if (!isObject(issue)) return '';
			const path = Array.isArray(issue.path) ? issue.path.join('.') : (issue.path as string | undefined);
			const text = typeof issue.message === 'string' ? issue.message : '';
			return path ? `${path}: ${text}` : text;
		})
		.filter(Boolean)
		.join('; ');
}

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
