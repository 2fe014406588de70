import type { Operation } from '../../shared/operations';

export const clearAll: Operation = {
	option: {
		name: 'Clear All',
		value: 'clearAll',
		description: 'Delete every clipboard entry of the profile',
		action: 'Clear the clipboard',
	},
	fields: [],
	async execute({ api, itemIndex }) {
		return await api.request({ method: 'DELETE', path: '/api/clipboard', body: { clearAll: true }, itemIndex });
	},
};
