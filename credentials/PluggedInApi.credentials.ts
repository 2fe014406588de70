import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

/**
 * Same normalisation as nodes/shared/baseUrl.ts (trailing slashes, a trailing /api,
 * www.plugged.in → plugged.in), written as an expression because a credential test is declarative.
 */
const NORMALISED_BASE_URL =
	"={{ (($credentials.baseUrl || '').trim() || 'https://plugged.in').replace(/\\/+$/, '').replace(/\\/api$/i, '').replace(/\\/+$/, '').replace(/^(https?:\\/\\/)www\\.plugged\\.in(?=$|[:/])/i, '$1plugged.in') }}";

export class PluggedInApi implements ICredentialType {
	name = 'pluggedInApi';

	displayName = 'Plugged.in API';

	icon: Icon = {
		light: 'file:../nodes/shared/pluggedin.svg',
		dark: 'file:../nodes/shared/pluggedin.dark.svg',
	};

	documentationUrl = 'https://docs.plugged.in/api/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: 'pg_in_…',
			description: 'Create a key in Plugged.in under Settings → API Keys',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			required: true,
			default: 'https://plugged.in',
			placeholder: 'https://plugged.in',
			description:
				'https://plugged.in, or your self-hosted server as http(s)://host[:port]. A trailing slash or /api is removed.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiKey.trim()}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: NORMALISED_BASE_URL,
			url: '/api/profile-capabilities',
			method: 'GET',
			// Every answer reaches the rules below, so a failure is explained in our words, not as a bare status.
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error',
					value: 'Invalid API key',
					message: 'Plugged.in rejected the API key. Copy it again from Plugged.in → Settings → API Keys.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error',
					value: 'No active profile found for this API key',
					message: "The API key's project has no active profile in Plugged.in: activate one, then test again.",
				},
			},
			{
				// Any other answer without this key (a web page, another API, a 404) is not a Plugged.in server.
				type: 'responseSuccessBody',
				properties: {
					key: 'profileCapabilities',
					value: undefined,
					message:
						'No Plugged.in API answered at this Base URL. Use the server root, for example https://plugged.in or http://localhost:12005.',
				},
			},
		],
	};
}
