'use strict';
// A validation message names a parameter by the label the user sees: every field of every node is checked.
const { parameterLabel } = require('../../nodes/shared/validate');

const NODES = [
	'PluggedInDocuments',
	'PluggedInRag',
	'PluggedInClipboard',
	'PluggedInAgents',
	'PluggedInNotifications',
	'PluggedInTrigger',
];
// Options pickers whose label changes with the operation ("Get By", "Delete By"): a choice, never a typed value.
const CHOICES_ONLY = ['keyBy'];

function fields(properties, node, out = []) {
	for (const property of properties ?? []) {
		if (property.type === 'notice') continue;
		out.push({ node, name: property.name, label: property.displayName });
		if (property.type === 'collection') fields(property.options, node, out);
		if (property.type === 'fixedCollection') for (const option of property.options) fields(option.values, node, out);
	}
	return out;
}

const all = NODES.flatMap((name) => {
	const NodeType = require(`../../nodes/${name}/${name}.node`)[name];
	return fields(new NodeType().description.properties, name);
});

test.each(all.filter((field) => !CHOICES_ONLY.includes(field.name)).map((field) => [field.node, field.name, field.label]))(
	'%s: %s is named "%s"',
	(node, name, label) => {
		// The input-file field has its own message (nodes/shared/binary.ts); only the output one is validated.
		if (name === 'binaryPropertyName' && label === 'Input Binary Field') return;
		expect(parameterLabel(name)).toBe(label);
	},
);
