'use strict';
/**
 * The operations the fault suite runs, one per operation type. Each scenario knows its route (faults
 * are injected there only), builds its input items, and counts at the sandbox, through its stores,
 * how often each item's write was applied: every item writes a unique marker (a title, a value, an
 * appended line, an uptime), so a write applied twice shows up as a marker found twice.
 */
const { PluggedInAgents } = require('../../nodes/PluggedInAgents/PluggedInAgents.node.ts');
const { PluggedInClipboard } = require('../../nodes/PluggedInClipboard/PluggedInClipboard.node.ts');
const { PluggedInDocuments } = require('../../nodes/PluggedInDocuments/PluggedInDocuments.node.ts');
const { PluggedInNotifications } = require('../../nodes/PluggedInNotifications/PluggedInNotifications.node.ts');

const PROFILE = 'profile-sandbox';
const MODEL = { modelName: 'fault-model', modelProvider: 'fault-lab' };
const DOCUMENT_ID = /^\/api\/documents\/[0-9a-f-]{36}$/;

const byId = (id) => ({ __rl: true, mode: 'id', value: id });
const pad = (index) => String(index).padStart(4, '0');
const markersFor = (prefix, count) => Array.from({ length: count }, (_, index) => `${prefix}-${pad(index)}`);
/** One batch: all items in one execution of the node. */
const oneBatch = (parameters, items) => [{ parameters, items }];

/**
 * @typedef {object} Plan
 * @property {{parameters: object, items: object[], before?: () => void, after?: () => void}[]} batches
 * @property {(json: object, index: number) => boolean} verify   is a success output the right one?
 * @property {() => Map<string, number>} [applied]  writes only: how often each marker was applied
 * @property {number} [expectedOutputs]        output items per succeeded input item (default 1)
 *
 * @typedef {object} Scenario
 * @property {string} name
 * @property {string} type     the operation type of the issue (read, create, append-update, push/pop, delete, heartbeat)
 * @property {() => object} node
 * @property {(method: string, path: string) => boolean} route   where faults go
 * @property {(sandbox: object, count: number, tag: string) => Plan} prepare
 */

/** @type {Scenario[]} */
const SCENARIOS = [
	{
		name: 'documents get',
		type: 'read',
		node: () => new PluggedInDocuments(),
		route: (method, path) => method === 'GET' && DOCUMENT_ID.test(path),
		prepare(sandbox, count, tag) {
			const ids = markersFor(`${tag}-doc`, 5).map(
				(title) => sandbox.documents.insert(PROFILE, { title, content: `Content of ${title}` }).id,
			);
			const markers = markersFor(tag, count);
			const items = markers.map((marker, index) => ({ marker, id: ids[index % ids.length] }));
			return {
				batches: oneBatch({ operation: 'get', documentId: byId('={{ $json.id }}'), includeContent: true }, items),
				verify: (json, index) => json.id === items[index].id && json.content.startsWith('Content of'),
			};
		},
	},
	{
		name: 'documents get many (2 pages)',
		type: 'read',
		node: () => new PluggedInDocuments(),
		route: (method, path) => method === 'GET' && path === '/api/documents',
		prepare(sandbox, count, tag) {
			for (const title of markersFor(`${tag}-listed`, 130))
				sandbox.documents.insert(PROFILE, { title, content: title });
			const total = sandbox.documents.all(PROFILE).length;
			const markers = markersFor(tag, count);
			return {
				batches: oneBatch(
					{ operation: 'getMany', returnAll: true, filters: { source: 'all' } },
					markers.map((marker) => ({ marker })),
				),
				verify: (json) => typeof json.id === 'string',
				expectedOutputs: total,
			};
		},
	},
	{
		name: 'documents create',
		type: 'create',
		node: () => new PluggedInDocuments(),
		route: (method, path) => method === 'POST' && path === '/api/documents/ai',
		prepare(sandbox, count, tag) {
			const markers = markersFor(`${tag}-created`, count);
			return {
				batches: oneBatch(
					{
						operation: 'create',
						title: '={{ $json.marker }}',
						content: 'Written under faults',
						format: 'md',
						...MODEL,
					},
					markers.map((marker) => ({ marker })),
				),
				verify: (json, index) => json.title === markers[index],
				applied: () => countBy(sandbox.documents.all(PROFILE), (doc) => doc.title),
			};
		},
	},
	{
		name: 'documents update (append)',
		type: 'append-update',
		node: () => new PluggedInDocuments(),
		route: (method, path) => method === 'PATCH' && DOCUMENT_ID.test(path),
		prepare(sandbox, count, tag) {
			const { id } = sandbox.documents.insert(PROFILE, { title: `${tag}-journal`, content: '# Journal' });
			// Fixed-width markers ending in a dot: no marker is a part of another.
			const markers = markersFor(`${tag}-line`, count).map((marker) => `${marker}.`);
			return {
				batches: oneBatch(
					{ operation: 'update', documentId: byId(id), updateMode: 'append', content: '={{ $json.marker }}' },
					markers.map((marker) => ({ marker })),
				),
				verify: (json) => json.documentId === id && json.success === true,
				applied: () => {
					const content = sandbox.documents.docs.get(id).content.toString('utf8');
					return new Map(markers.map((marker) => [marker, content.split(marker).length - 1]));
				},
			};
		},
	},
	{
		name: 'clipboard push',
		type: 'push/pop',
		node: () => new PluggedInClipboard(),
		route: (method, path) => method === 'POST' && path === '/api/clipboard/push',
		prepare(sandbox, count, tag) {
			const markers = markersFor(`${tag}-pushed`, count);
			return {
				batches: oneBatch(
					{ operation: 'push', valueFrom: 'field', value: '={{ $json.marker }}' },
					markers.map((marker) => ({ marker })),
				),
				verify: (json, index) => json.value === markers[index] && Number.isInteger(json.idx),
				applied: () => countBy(sandbox.clipboard.entriesOf(PROFILE), (row) => row.value),
			};
		},
	},
	{
		name: 'clipboard pop',
		type: 'push/pop',
		node: () => new PluggedInClipboard(),
		route: (method, path) => method === 'POST' && path === '/api/clipboard/pop',
		prepare(sandbox, count, tag) {
			// A pop carries nothing of its item: each item runs alone, so the entries that left the
			// stack during its run are the pops applied for it.
			markersFor(`${tag}-stacked`, count + 5).forEach((value, idx) =>
				sandbox.clipboard.insert(PROFILE, { value, idx, contentType: 'text/plain', encoding: 'utf-8' }),
			);
			const stackSize = () => sandbox.clipboard.entriesOf(PROFILE).filter((row) => row.idx !== null).length;
			const top = () => sandbox.clipboard.entriesOf(PROFILE).reduce((a, b) => ((b.idx ?? -1) > (a.idx ?? -1) ? b : a));
			const markers = markersFor(tag, count);
			const applied = new Map();
			const expected = [];
			const batches = markers.map((marker, index) => {
				let sizeBefore = 0;
				return {
					parameters: { operation: 'pop' },
					items: [{ marker }],
					before: () => {
						sizeBefore = stackSize();
						expected[index] = top().value;
					},
					after: () => applied.set(marker, sizeBefore - stackSize()),
				};
			});
			return { batches, verify: (json, index) => json.value === expected[index], applied: () => applied };
		},
	},
	{
		name: 'clipboard delete (by name)',
		type: 'delete',
		node: () => new PluggedInClipboard(),
		route: (method, path) => method === 'DELETE' && path === '/api/clipboard',
		prepare(sandbox, count, tag) {
			const markers = markersFor(`${tag}-named`, count);
			for (const name of markers) {
				sandbox.clipboard.insert(PROFILE, { name, value: name, contentType: 'text/plain', encoding: 'utf-8' });
			}
			// A second delete of a name finds nothing to change in the store: count the deletes that reached it.
			const reached = recordHandlerRuns(sandbox, 'DELETE', '/api/clipboard', (req) => req.json()?.name);
			return {
				batches: oneBatch(
					{ operation: 'delete', keyBy: 'name', name: '={{ $json.marker }}' },
					markers.map((marker) => ({ marker })),
				),
				verify: (json) => json.success === true && json.deleted === 1,
				applied: () => reached,
			};
		},
	},
	{
		name: 'agents send heartbeat',
		type: 'heartbeat',
		node: () => new PluggedInAgents(),
		route: (method, path) => method === 'POST' && /^\/api\/agents\/[^/]+\/heartbeat$/.test(path),
		prepare(sandbox, count, tag) {
			const agent = sandbox.agents.insertAgent({ name: `${tag}-agent`.toLowerCase(), state: 'ACTIVE', deployed: true });
			const uptimes = Array.from({ length: count }, (_, index) => 100_000 + index);
			return {
				batches: oneBatch(
					{ operation: 'sendHeartbeat', agentId: byId(agent.uuid), mode: 'IDLE', uptimeSeconds: '={{ $json.uptime }}' },
					uptimes.map((uptime) => ({ uptime })),
				),
				verify: (json, index) => json.uptime_seconds === uptimes[index],
				applied: () =>
					countBy(sandbox.agents.history.get(agent.uuid).heartbeats, (beat) => String(beat.uptime_seconds)),
			};
		},
	},
	{
		name: 'notifications send',
		type: 'create',
		node: () => new PluggedInNotifications(),
		// Faults on the create only: the reads before and after it are what find a create whose answer was lost.
		route: (method, path) => method === 'POST' && path === '/api/notifications/custom',
		prepare(sandbox, count, tag) {
			const markers = markersFor(`${tag}-notified`, count);
			return {
				batches: oneBatch(
					{ operation: 'send', message: '={{ $json.marker }}', severity: 'ALERT' },
					markers.map((marker) => ({ marker })),
				),
				verify: (json, index) => json.message === markers[index] && json.identified === true,
				applied: () => countBy(sandbox.notifications.notificationsOf(PROFILE), (row) => row.message),
			};
		},
	},
];

function countBy(rows, key) {
	const counts = new Map();
	for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
	return counts;
}

/** Counts, per key, the requests that reached a route's handler (a fault "before" stops them earlier). */
function recordHandlerRuns(sandbox, method, path, keyOf) {
	const route = sandbox.router.routes.find((entry) => entry.method === method && entry.pattern.test(path));
	const counts = new Map();
	const handler = route.handler;
	route.handler = (req) => {
		const key = String(keyOf(req));
		counts.set(key, (counts.get(key) ?? 0) + 1);
		return handler(req);
	};
	return counts;
}

module.exports = { SCENARIOS };
