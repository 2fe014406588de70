'use strict';
/**
 * Package figures: cold load time of every node module (require of dist/nodes/**\/*.node.js in a fresh
 * Node process, as n8n loads a community package at start-up) and the size of the packed tarball.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');

function nodeModules(dir = path.join(ROOT, 'dist', 'nodes')) {
	return fs
		.readdirSync(dir, { withFileTypes: true })
		.flatMap((entry) => {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) return nodeModules(full);
			return entry.name.endsWith('.node.js') ? [full] : [];
		})
		.sort();
}

/**
 * Milliseconds to require all node modules in a new process (median of `runs` processes): `total` from
 * nothing, `own` with the peers (n8n-workflow, zod) already loaded, as they are inside n8n.
 */
function coldLoadMs(modules, runs = 5) {
	const script = `
		const ms = (since) => Number(process.hrtime.bigint() - since) / 1e6;
		const started = process.hrtime.bigint();
		require('n8n-workflow');
		require('zod');
		const peersLoaded = process.hrtime.bigint();
		for (const file of ${JSON.stringify(modules)}) require(file);
		process.stdout.write(JSON.stringify({ total: ms(started), own: ms(peersLoaded) }));
	`;
	const samples = Array.from({ length: runs }, () =>
		JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' })),
	);
	const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
	return { total: median(samples.map((s) => s.total)), own: median(samples.map((s) => s.own)) };
}

/** `npm pack --dry-run --json`: the tarball's size, unpacked size and file count. */
function tarball() {
	const [info] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: ROOT, encoding: 'utf8' }));
	return { bytes: info.size, unpackedBytes: info.unpackedSize, files: info.entryCount };
}

function packageStats() {
	const modules = nodeModules();
	return {
		modules: modules.map((file) => path.relative(ROOT, file)),
		coldLoadMs: coldLoadMs(modules),
		tarball: tarball(),
	};
}

module.exports = { packageStats };
