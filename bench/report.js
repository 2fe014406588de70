'use strict';
/**
 * Output of the bench: the console table, bench/results.json (one entry per target) and
 * BENCHMARKS.md (the latest results as markdown).
 */
const fs = require('node:fs');
const path = require('node:path');

/** A measured figure; `target` is a comparison ('<=', '>=', '==') with a number, or absent for information. */
function figure(name, value, unit, target) {
	const met = target ? compare(value, target) : undefined;
	return { name, value, unit, target, met };
}

const atMost = (limit) => ({ op: '<=', limit });
const atLeast = (limit) => ({ op: '>=', limit });
const exactly = (limit) => ({ op: '==', limit });

function compare(value, { op, limit }) {
	if (value === undefined || Number.isNaN(value)) return false;
	if (op === '<=') return value <= limit;
	if (op === '>=') return value >= limit;
	return value === limit;
}

function formatValue(value, unit) {
	if (value === undefined || value === null || Number.isNaN(value)) return 'not measured';
	if (unit === '×') return `${value.toFixed(2)}×`;
	if (unit === 'ms') return `${Math.round(value).toLocaleString('en-US')} ms`;
	if (unit === 'MB') return `${value.toFixed(0)} MB`;
	if (unit === 'KB') return `${value.toFixed(1)} KB`;
	return `${Number.isInteger(value) ? value : value.toFixed(2)}${unit ? ` ${unit}` : ''}`;
}

function formatTarget(target, unit) {
	if (!target) return '—';
	const sign = { '<=': '≤', '>=': '≥', '==': '=' }[target.op];
	return `${sign} ${unit === '×' ? `${target.limit}×` : target.limit}`;
}

function targetRows(figures) {
	return figures.map((entry) => [
		entry.name,
		formatValue(entry.value, entry.unit),
		formatTarget(entry.target, entry.unit),
		entry.target ? (entry.met ? 'yes' : 'NO') : '—',
	]);
}

function detailRows(scenarios) {
	return scenarios.map((s) => [
		s.label,
		String(s.items),
		formatValue(s.nodeMs, 'ms'),
		s.nodeMs === undefined ? '—' : `${(s.nodeMs / s.items).toFixed(1)} ms`,
		s.requests === undefined ? '—' : String(s.requests),
		s.connections === undefined ? '—' : String(s.connections),
		s.serverMsMean === undefined ? '—' : `${s.serverMsMean.toFixed(1)} ms`,
		s.cpuMsPerItem === undefined ? '—' : `${s.cpuMsPerItem.toFixed(1)} ms`,
		s.floorMs === undefined ? '—' : formatValue(s.floorMs, 'ms'),
		s.peakRssMb === undefined ? '—' : formatValue(s.peakRssMb, 'MB'),
	]);
}

const DETAIL_HEADER = [
	'Scenario',
	'Items',
	'Node time',
	'Per item',
	'Requests',
	'TCP connections',
	'Server time / request',
	'n8n CPU / item',
	'Floor',
	'n8n peak RSS',
];
const TARGET_HEADER = ['Measurement', 'Value', 'Target', 'Met'];

/** A plain-text table with aligned columns. */
function textTable(header, rows) {
	const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
	const line = (cells) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ');
	return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

function markdownTable(header, rows) {
	const line = (cells) => `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
	return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function writeResults(file, figures) {
	const entries = figures
		.filter((entry) => entry.target)
		.map((entry) => ({
			name: entry.name,
			value: entry.value === undefined || Number.isNaN(entry.value) ? null : Number(entry.value.toFixed(3)),
			target: `${entry.target.op} ${entry.target.limit}`,
			met: Boolean(entry.met),
		}));
	fs.writeFileSync(file, `${JSON.stringify(entries, null, 2)}\n`);
}

function writeMarkdown(file, { machine, scenarios, figures, notes, findings }) {
	const text = [
		'# Benchmarks',
		'',
		'Latest results of `npm run bench` (`node bench/run.js`): our nodes inside a real n8n against the local',
		'sandbox with simulated latency. All ratios come from one run on one machine.',
		'',
		'## Machine and run',
		'',
		...Object.entries(machine).map(([key, value]) => `- ${key}: ${value}`),
		'',
		'## Targets',
		'',
		markdownTable(TARGET_HEADER, targetRows(figures)),
		'',
		'## Scenarios',
		'',
		markdownTable(DETAIL_HEADER, detailRows(scenarios)),
		'',
		'## How it is measured',
		'',
		...notes.map((note) => `- ${note}`),
		'',
		'## What limits the results',
		'',
		...findings.map((finding) => `- ${finding}`),
		'',
	].join('\n');
	fs.writeFileSync(file, text);
}

function printReport({ machine, scenarios, figures }) {
	const out = (line = '') => process.stdout.write(`${line}\n`);
	out();
	out(
		Object.entries(machine)
			.map(([key, value]) => `${key}: ${value}`)
			.join('\n'),
	);
	out();
	out(textTable(DETAIL_HEADER, detailRows(scenarios)));
	out();
	out(textTable(TARGET_HEADER, targetRows(figures)));
	out();
}

module.exports = {
	atLeast,
	atMost,
	exactly,
	figure,
	printReport,
	writeMarkdown,
	writeResults,
	BENCH_DIR: path.resolve(__dirname),
};
