/**
 * The one place a base URL is normalised. The credential test repeats this logic as an
 * n8n expression (credentials cannot import code); a unit test keeps the two in step.
 */
export const DEFAULT_BASE_URL = 'https://plugged.in';

export function normaliseBaseUrl(raw: string | undefined): string {
	let url = (raw ?? '').trim() || DEFAULT_BASE_URL;
	url = url
		.replace(/\/+$/, '')
		.replace(/\/api$/i, '')
		.replace(/\/+$/, '');
	// www.plugged.in redirects to the apex, and clients drop Authorization on that redirect.
	return url.replace(/^(https?:\/\/)www\.plugged\.in(?=$|[:/])/i, '$1plugged.in');
}

/** Origin (scheme://host[:port]) of a normalised base URL, for the CSRF check of PATCH routes. */
export function originOf(baseUrl: string): string {
	return new URL(baseUrl).origin;
}
