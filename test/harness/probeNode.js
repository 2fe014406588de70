'use strict';
/**
 * A node for testing the shared layer through the real engine: it sends the request its
 * parameters describe through PluggedInApi, with the shared item loop and options.
 */
const { executeOperation, operationProperties } = require('../../nodes/shared/operations');

const send = {
	option: { name: 'Send', value: 'send', action: 'Send a request' },
	fields: [
		{ displayName: 'Method', name: 'method', type: 'string', default: 'GET' },
		{ displayName: 'Path', name: 'path', type: 'string', default: '/api/profile-capabilities' },
		{ displayName: 'Body', name: 'body', type: 'json', default: '' },
		{ displayName: 'Page', name: 'page', type: 'boolean', default: false },
		{ displayName: 'Max', name: 'max', type: 'number', default: 0 },
	],
	async execute({ ctx, api, itemIndex }) {
		const method = ctx.getNodeParameter('method', itemIndex);
		const path = ctx.getNodeParameter('path', itemIndex);
		const body = ctx.getNodeParameter('body', itemIndex);
		if (ctx.getNodeParameter('page', itemIndex)) {
			const max = ctx.getNodeParameter('max', itemIndex) || Infinity;
			const all = await api.paginate(
				(offset, limit) => ({ method: 'GET', path, qs: { offset, limit }, itemIndex }),
				(page) => page.documents ?? page.entries,
				3,
				max,
			);
			return { count: all.length, ids: all.map((entry) => entry.id ?? entry.uuid) };
		}
		const result = await api.request({
			method,
			path,
			body: body === '' ? undefined : typeof body === 'string' ? JSON.parse(body) : body,
			itemIndex,
		});
		return typeof result === 'object' && result !== null ? result : { text: result };
	},
};

class ProbeNode {
	description = {
		displayName: 'Probe',
		name: 'probe',
		group: ['transform'],
		version: 1,
		description: 'Sends one request per item',
		defaults: { name: 'Probe' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'pluggedInApi', required: true }],
		properties: operationProperties([send], 'send'),
	};
	async execute() {
		return await executeOperation(this, [send]);
	}
}

module.exports = { ProbeNode };
