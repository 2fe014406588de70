'use strict';
/**
 * Just enough of ILoadOptionsFunctions for a picker's listSearch method: the credential, and HTTP to the
 * sandbox with the Bearer key (n8n's editor calls these outside any execution).
 */
function loadOptionsContext(sandbox, nodeName) {
	return {
		getNode: () => ({ name: nodeName, type: nodeName, typeVersion: 1, parameters: {} }),
		getCredentials: async () => ({ apiKey: sandbox.apiKey, baseUrl: sandbox.url }),
		helpers: {
			async httpRequestWithAuthentication(_credential, options) {
				const url = new URL(options.url);
				for (const [key, value] of Object.entries(options.qs ?? {})) url.searchParams.set(key, String(value));
				const response = await fetch(url, {
					method: options.method,
					headers: { ...options.headers, Authorization: `Bearer ${sandbox.apiKey}` },
					body: options.body,
				});
				return {
					statusCode: response.status,
					headers: Object.fromEntries(response.headers),
					body: Buffer.from(await response.arrayBuffer()),
				};
			},
		},
	};
}

module.exports = { loadOptionsContext };
