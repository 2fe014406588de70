#!/usr/bin/env node
'use strict';
// n8n's community-package scanner, offline: the project sources, then the tarball `npm pack` makes.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

async function main() {
	const { analyzePackage, SOURCE_FILE_PATTERNS } = await import('@n8n/scan-community-package/scanner/scanner.mjs');
	const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pluggedin-scan-'));
	const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', packDir], { cwd: root, encoding: 'utf8' })
		.trim()
		.split('\n')
		.pop();
	execFileSync('tar', ['-xzf', path.join(packDir, tarball), '-C', packDir]);
	let failed = false;
	for (const [label, dir, patterns] of [
		['sources', root, SOURCE_FILE_PATTERNS],
		['packed tarball', path.join(packDir, 'package'), ['**/*.js', 'package.json']],
	]) {
		const result = await analyzePackage(dir, patterns);
		const ok = result.passed === true;
		console.log(`scan ${label}: ${ok ? 'passed' : 'FAILED'}`);
		if (!ok) {
			failed = true;
			console.log(JSON.stringify(result, null, 2));
		}
	}
	fs.rmSync(packDir, { recursive: true, force: true });
	process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
