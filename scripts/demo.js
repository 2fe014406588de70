#!/usr/bin/env node
'use strict';
/**
 * `npm run demo`, the main job: builds the package, starts the sandbox with its sample data, runs every
 * workflow in examples/ in a real n8n (installed once into ~/.cache) and prints what each one did.
 * Exit code 0 only if every workflow succeeded. Options: --line 1|2 (default 2: n8n 2.41.1), --no-build.
 */
const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');

const { Sandbox } = require('../sandbox/server');
const { buildAndPack, freePort, installN8n, N8nInstance, ROOT } = require('./lib/n8n');

const EXAMPLES = path.join(ROOT, 'examples');
/** Examples are written for `npm run sandbox` (port 12005); the demo's sandbox may be elsewhere. */
const EXAMPLE_SANDBOX_URL = 'http://127.0.0.1:12005';

function print(line = '') {
	process.stdout.write(`${line}\n`);
}

/** One line per node that ran: items out and a few fields of the first. */
function summarise(run, workflow) {
	const runData = run?.data?.resultData?.runData ?? {};
	const lines = [];
	for (const node of workflow.nodes) {
		const runs = runData[node.name];
		if (!runs) continue;
		const items = runs[0]?.data?.main?.flat() ?? [];
		const first = items[0]?.json ?? {};
		const fields = Object.entries(first)
			.filter(([, value]) => value !== null && typeof value !== 'object')
			.slice(0, 4)
			.map(([key, value]) => `${key}=${JSON.stringify(typeof value === 'string' && value.length > 48 ? `${value.slice(0, 45)}…` : value)}`);
		lines.push(`    ${node.name}: ${items.length} item${items.length === 1 ? '' : 's'}${fields.length ? `  ${fields.join('  ')}` : ''}`);
	}
	return lines.join('\n');
}

async function main() {
	const { values } = parseArgs({ options: { line: { type: 'string' }, 'no-build': { type: 'boolean' } } });
	const line = Number(values.line ?? 2);
	const n8n = installN8n(line);
	print(`Plugged.in demo: ${n8n.label}, examples against the local sandbox`);
	const tarball = buildAndPack({ build: !values['no-build'] });
	const instance = await N8nInstance.create(n8n, tarball);
	const port = await freePort();
	const sandbox = await new Sandbox({ port, seed: true }).start();
	print(`Sandbox: ${sandbox.url} (sample documents, clipboard entries and agents)\n`);
	let failed = 0;
	try {
		await instance.importCredential(sandbox.url, sandbox.apiKey);
		const files = fs.readdirSync(EXAMPLES).filter((file) => file.endsWith('.json')).sort();
		for (const [index, file] of files.entries()) {
			const text = fs.readFileSync(path.join(EXAMPLES, file), 'utf8').split(EXAMPLE_SANDBOX_URL).join(sandbox.url);
			const workflow = JSON.parse(text);
			const id = `demo${index}`;
			await instance.importWorkflow(workflow, id);
			const started = Date.now();
			const result = await instance.execute(id);
			const error = result.run?.data?.resultData?.error;
			const seconds = ((Date.now() - started) / 1000).toFixed(1);
			if (result.exitCode === 0 && result.run && !error) {
				print(`✓ ${workflow.name} (${file}, ${seconds} s)`);
				print(summarise(result.run, workflow));
			} else {
				failed++;
				print(`✗ ${workflow.name} (${file}, ${seconds} s)`);
				print(`    ${error ? `${error.node?.name ?? ''}: ${error.message}` : `n8n exited ${result.exitCode}`}`);
				if (!result.run) print(`${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-15).join('\n'));
			}
		}
	} finally {
		await sandbox.stop();
	}
	print(`\n${failed === 0 ? 'All examples ran.' : `${failed} example(s) failed.`}`);
	process.exitCode = failed === 0 ? 0 : 1;
}

main().then(
	() => process.exit(),
	(error) => {
		print(`\nThe demo stopped: ${error.message}`);
		process.exit(1);
	},
);
