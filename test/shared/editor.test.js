'use strict';
// What n8n's editor derives from the node descriptions and codex files (see test/ui for the real editor).
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const { PluggedInAgents } = require('../../nodes/PluggedInAgents/PluggedInAgents.node');
const { PluggedInClipboard } = require('../../nodes/PluggedInClipboard/PluggedInClipboard.node');
const { PluggedInDocuments } = require('../../nodes/PluggedInDocuments/PluggedInDocuments.node');
const { PluggedInRag } = require('../../nodes/PluggedInRag/PluggedInRag.node');
const { PluggedInTrigger } = require('../../nodes/PluggedInTrigger/PluggedInTrigger.node');

const ROOT = path.resolve(__dirname, '..', '..');
const ACTION_NODES = { PluggedInAgents, PluggedInClipboard, PluggedInDocuments, PluggedInRag };
const ALL_NODES = { ...ACTION_NODES, PluggedInTrigger };
// n8n's fixed codex categories (packages/frontend/editor-ui node creator); "AI" hides a node in a
// workflow without an AI node, and makes the editor list a top-level `mode` parameter as actions.
const N8N_CATEGORIES = [
	'Analytics',
	'Communication',
	'Data & Storage',
	'Development',
	'Finance & Accounting',
	'Marketing',
	'Miscellaneous',
	'Productivity',
	'Sales',
	'Utility',
];

const codexOf = (folder) => JSON.parse(fs.readFileSync(path.join(ROOT, 'nodes', folder, `${folder}.node.json`), 'utf8'));

describe.each(Object.entries(ALL_NODES))('%s in the editor', (folder, NodeClass) => {
	const { description } = new NodeClass();

	test('its codex places it in n8n categories (not AI) and links the Plugged.in docs', () => {
		const codex = codexOf(folder);
		expect(codex.node).toBe(`n8n-nodes-pluggedin.${description.name}`);
		expect(codex.categories.length).toBeGreaterThan(0);
		for (const category of codex.categories) expect(N8N_CATEGORIES).toContain(category);
		expect(codex.resources.primaryDocumentation.length).toBeGreaterThan(0);
		for (const { url } of codex.resources.primaryDocumentation) expect(url).toMatch(/^https:\/\/docs\.plugged\.in\//);
	});

	test('has its own icon, light and dark, next to it', () => {
		const { light, dark } = description.icon;
		expect(light).not.toBe(dark);
		for (const file of [light, dark]) {
			expect(file).toMatch(/^file:[a-z]+(\.dark)?\.svg$/);
			const svg = fs.readFileSync(path.join(ROOT, 'nodes', folder, file.slice('file:'.length)), 'utf8');
			expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 64 64"/);
		}
	});

	test('no option label is cut off in the editor (at most 30 characters)', () => {
		const labels = [];
		const collect = (properties) => {
			for (const property of properties ?? []) {
				labels.push(property.displayName ?? property.name);
				if (Array.isArray(property.options)) collect(property.options);
				if (Array.isArray(property.values)) collect(property.values);
			}
		};
		collect(description.properties);
		expect(labels.filter((label) => label.length > 30)).toEqual([]);
	});
});

describe.each(Object.entries(ACTION_NODES))('%s actions', (folder, NodeClass) => {
	const { description } = new NodeClass();
	const resource = description.properties.find((property) => property.name === 'resource');
	const operation = description.properties.find((property) => property.name === 'operation');

	test('is versioned as n8n does: 1 and 2, new nodes get 2', () => {
		expect(description.version).toEqual([1, 2]);
		expect(description.defaultVersion).toBe(2);
	});

	test('one Resource, and Operation shown for it: the editor names a new node after its action', () => {
		expect(resource.type).toBe('options');
		expect(resource.options).toHaveLength(1);
		expect(resource.default).toBe(resource.options[0].value);
		expect(operation.displayOptions).toEqual({ show: { resource: [resource.default] } });
		for (const option of operation.options) expect(option.action).toMatch(/^[A-Z][a-z]/);
	});

	test('no top-level `mode` parameter with options (the editor would list its values as actions)', () => {
		const modes = description.properties.filter(
			(property) =>
				property.name.toLowerCase() === 'mode' &&
				property.options &&
				!property.displayOptions?.show?.['@version']?.every((version) => version === 1),
		);
		expect(modes).toEqual([]);
	});

	test('the subtitle shows the operation label', () => {
		const labels = JSON.parse(description.subtitle.match(/\((\{.*\})\)/)[1]);
		for (const option of operation.options) expect(labels[option.value]).toBe(option.name);
	});

	test('every operation has an output-schema preview for every version', () => {
		for (const version of description.version) {
			for (const option of operation.options) {
				const file = path.join(ROOT, 'nodes', folder, '__schema__', `v${version}.0.0`, resource.default, `${option.value}.json`);
				const schema = JSON.parse(fs.readFileSync(file, 'utf8'));
				expect(schema).toMatchObject({ type: 'object', properties: expect.any(Object) });
			}
		}
	});
});

test('the output-schema previews match what the operations answer now', () => {
	const output = execFileSync('node', [path.join(ROOT, 'scripts', 'schemas.js'), '--check'], {
		cwd: ROOT,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	expect(output).toContain('Schemas are up to date.');
}, 120_000);
