#!/usr/bin/env node
'use strict';
/**
 * Writes the output-schema previews n8n's editor shows before a node has run: one JSON schema per
 * operation, made from what the operation really answered on a fresh seeded sandbox (through n8n's
 * engine, test/harness/engine.js). n8n serves /schemas/<package>.<node>/<version>/<resource>/<operation>.json
 * from <node folder>/__schema__/v<x.y.z>/<resource>/<operation>.json (n8n-core output-schema-resolver,
 * without a version fallback), so each file is written for every version of the node. The build copies
 * nodes/**\/*.json into dist/.
 *   node scripts/schemas.js            write nodes/<Node>/__schema__/
 *   node scripts/schemas.js --check    fail if a written schema differs from a fresh run
 */
require('tsx/cjs'); // the harness and the nodes are TypeScript sources
const fs = require('node:fs');
const path = require('node:path');

const { SEEDED_AGENTS } = require('../sandbox/routes/agents');
const { SEEDED_DOCUMENT_IDS } = require('../sandbox/routes/documents');
const { startSandbox } = require('../sandbox/server');
const { runNode } = require('../test/harness/engine');
const { PROFILE } = require('../test/harness/sandbox');
const { PluggedInAgents } = require('../nodes/PluggedInAgents/PluggedInAgents.node.ts');
const { PluggedInClipboard } = require('../nodes/PluggedInClipboard/PluggedInClipboard.node.ts');
const { PluggedInDocuments } = require('../nodes/PluggedInDocuments/PluggedInDocuments.node.ts');
const { PluggedInNotifications } = require('../nodes/PluggedInNotifications/PluggedInNotifications.node.ts');
const { PluggedInRag } = require('../nodes/PluggedInRag/PluggedInRag.node.ts');

const byId = (value) => ({ __rl: true, mode: 'id', value });
const doc = byId(SEEDED_DOCUMENT_IDS.gettingStarted);
const agent = byId(SEEDED_AGENTS.active);
const question = { query: 'How do I use the clipboard?' };
const twoUpdates = [1, 2].map(() => ({ operation: 'update', documentId: doc, content: 'More.' }));
/** The seeded notifications get new ids in every sandbox: a parameter may be worked out from it. */
const seededNotification = (sandbox) => byId(sandbox.notifications.notificationsOf(PROFILE)[0].id);

/** Parameters of each operation; `before` runs other operations first on the same sandbox. */
const SAMPLES = {
	PluggedInDocuments: {
		create: { title: 'Schema sample', content: '# Sample', modelName: 'claude-sonnet-4', modelProvider: 'anthropic' },
		delete: { documentId: doc },
		download: { documentId: doc },
		get: { documentId: doc, includeVersions: true },
		getMany: { limit: 3 },
		getVersion: { documentId: doc, versionNumber: 2, before: twoUpdates },
		getVersions: { documentId: doc, before: twoUpdates },
		restoreVersion: { documentId: doc, versionNumber: 2, before: twoUpdates },
		search: { query: 'guide', limit: 3 },
		update: { documentId: doc, updateMode: 'append', content: 'More.' },
	},
	PluggedInRag: {
		ask: question,
		query: question,
		queryWithSources: question,
		findRelevantDocuments: question,
		checkAvailability: {},
		getStorageStats: { userId: 'user-sandbox' },
	},
	PluggedInClipboard: {
		clearAll: {},
		delete: { keyBy: 'name', name: 'session_notes' },
		get: { keyBy: 'name', name: 'user_preferences' },
		getMany: { limit: 3 },
		pop: {},
		push: { value: 'Step 3 result' },
		set: { keyBy: 'name', name: 'last_run', value: 'ok' },
	},
	PluggedInAgents: {
		changeState: { agentId: agent, fromState: 'ACTIVE', toState: 'DRAINING' },
		create: { name: 'schema-sample', image: 'nginx:alpine' },
		delete: { agentId: agent },
		export: { agentId: agent },
		get: { agentId: agent },
		getLogs: { agentId: agent },
		getMany: { limit: 3 },
		getQuota: {},
		restart: { agentId: agent },
		resume: { agentId: agent, before: [{ operation: 'suspend', agentId: agent }] },
		sendHeartbeat: { agentId: agent, heartbeatMode: 'IDLE', uptimeSeconds: 60 },
		sendMetrics: { agentId: agent, cpuPercent: 12.5, memoryMb: 256, requestsHandled: 42 },
		shutdown: { agentId: agent },
		suspend: { agentId: agent },
		update: { agentId: agent, updateFields: { accessLevel: 'PUBLIC' } },
		waitForState: { agentId: agent, targetState: 'ACTIVE', timeoutSeconds: 5, pollIntervalSeconds: 1 },
	},
	PluggedInNotifications: {
		delete: { notificationId: seededNotification },
		getMany: { limit: 3 },
		markAsRead: { notificationId: seededNotification },
		send: { message: 'Nightly import finished', title: 'Import', severity: 'SUCCESS' },
		setCompleted: { notificationId: seededNotification, completed: true },
	},
};
const NODES = { PluggedInAgents, PluggedInClipboard, PluggedInDocuments, PluggedInNotifications, PluggedInRag };

/** A JSON schema of values as n8n's preview reads it (type, properties, items); keys of all items merged. */
function schemaOf(values) {
	const present = values.filter((value) => value !== null && value !== undefined);
	if (present.length === 0) return { type: 'null' };
	const sample = present[0];
	if (Array.isArray(sample)) return { type: 'array', items: schemaOf(present.flat()) };
	if (typeof sample === 'object') {
		const keys = [...new Set(present.flatMap((value) => Object.keys(value)))];
		return { type: 'object', properties: Object.fromEntries(keys.map((key) => [key, schemaOf(present.map((value) => value[key]))])) };
	}
	return { type: typeof sample };
}

async function answerOf(nodeType, operation, { before = [], ...parameters }) {
	const sandbox = await startSandbox({ seed: true, documentDeleteRoute: true });
	try {
		const credentials = { apiKey: sandbox.apiKey, baseUrl: sandbox.url };
		for (const step of before) {
			const { error } = await runNode(nodeType, step, { credentials });
			if (error) throw new Error(`${step.operation} (before ${operation}): ${error.message}`);
		}
		const resolved = Object.fromEntries(
			Object.entries(parameters).map(([name, value]) => [name, typeof value === 'function' ? value(sandbox) : value]),
		);
		const { items, error } = await runNode(nodeType, { operation, ...resolved }, { credentials });
		if (error) throw new Error(`${operation}: ${error.message}`);
		if (items.length === 0) throw new Error(`${operation}: no items`);
		return items.map((item) => item.json);
	} finally {
		await sandbox.stop();
	}
}

async function main() {
	const check = process.argv.includes('--check');
	const differences = [];
	let written = 0;
	for (const [folder, samples] of Object.entries(SAMPLES)) {
		const nodeType = new NODES[folder]();
		const { version, properties } = nodeType.description;
		const resource = properties.find((property) => property.name === 'resource').default;
		const operations = properties.find((property) => property.name === 'operation').options.map((option) => option.value);
		const missing = operations.filter((operation) => !samples[operation]);
		if (missing.length) throw new Error(`${folder}: no sample for ${missing.join(', ')}`);
		for (const operation of operations) {
			const schema = schemaOf(await answerOf(nodeType, operation, samples[operation]));
			const text = `${JSON.stringify(schema, null, '\t')}\n`;
			for (const major of [version].flat()) {
				const file = path.join(__dirname, '..', 'nodes', folder, '__schema__', `v${major}.0.0`, resource, `${operation}.json`);
				if (check) {
					if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) differences.push(path.relative(process.cwd(), file));
					continue;
				}
				fs.mkdirSync(path.dirname(file), { recursive: true });
				fs.writeFileSync(file, text);
				written += 1;
			}
		}
	}
	if (check && differences.length) {
		process.stderr.write(`Schemas out of date (run node scripts/schemas.js):\n${differences.join('\n')}\n`);
		process.exit(1);
	}
	process.stdout.write(check ? 'Schemas are up to date.\n' : `Wrote ${written} schema files.\n`);
}

main().catch((error) => {
	process.stderr.write(`scripts/schemas.js: ${error.message}\n`);
	process.exit(1);
});
