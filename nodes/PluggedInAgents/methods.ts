import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { PluggedInApi } from '../shared/transport';

/** The Agent picker: every agent of the profile (one request, the server does not page), filtered by name, state or id. */
export async function searchAgents(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const api = await PluggedInApi.create(this);
	const agents = await api.request<IDataObject[]>({ method: 'GET', path: '/api/agents' });
	const needle = (filter ?? '').trim().toLowerCase();
	const results = agents
		.filter(
			(agent) =>
				!needle || [agent.name, agent.state, agent.uuid].some((value) => String(value).toLowerCase().includes(needle)),
		)
		.map((agent) => ({ name: `${agent.name} (${agent.state})`, value: String(agent.uuid) }));
	return { results };
}
