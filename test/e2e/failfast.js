#!/usr/bin/env node
'use strict';
/**
 * The harness's own checks (CI runs them after the e2e suite), on the n8n cache in use
 * ($PLUGGEDIN_N8N_CACHE or ~/.cache/n8n-nodes-pluggedin):
 * 1. n8n cannot start (its database is unreachable): `npm run demo` and `npm run test:e2e` exit non-zero
 *    within a minute, print n8n's own error text, and leave no n8n process behind.
 * 2. A broken cache (the sqlite3 binding removed) whose repair cannot build: demo fails within a minute,
 *    naming sqlite3.
 * 3. The same broken cache with a working compiler: the install script says what is wrong, repairs it,
 *    and n8n runs again.
 * Usage: node test/e2e/failfast.js [--line 1|2]   (default 2; needs `npm run build` first)
 */
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');

const { CACHE, freePort, LINES, ROOT } = require('../../scripts/lib/n8n');

const LIMIT_MS = 60_000;

/** Runs a command to its end (killed after 3 minutes): exit code, output, time taken. */
function run(command, args, env = {}) {
	return new Promise((resolve) => {
		const started = Date.now();
		const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		const timer = setTimeout(() => process.kill(-child.pid, 'SIGKILL'), 180_000);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({ code: code ?? 128, signal, output, ms: Date.now() - started });
		});
	});
}

/** Pids of n8n processes running from this line's install. */
function n8nProcesses(dir) {
	try {
		return execFileSync('pgrep', ['-f', path.join(dir, 'node_modules')], { encoding: 'utf8' }).split('\n').filter(Boolean);
	} catch {
		return [];
	}
}

function sqliteBindings(dir) {
	const found = [];
	const walk = (folder) => {
		for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
			const full = path.join(folder, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name === 'node_sqlite3.node') found.push(full);
		}
	};
	walk(path.join(dir, 'node_modules', 'sqlite3'));
	return found;
}

async function main() {
	const { values } = parseArgs({ options: { line: { type: 'string' } } });
	const line = Number(values.line ?? 2);
	const dir = path.join(CACHE, `n8n-${LINES[line].version}`);
	const checks = [];
	const check = (name, ok, detail) => {
		checks.push(ok);
		process.stderr.write(`  ${ok ? '✓' : '✗'} ${name}${ok ? '' : `\n${detail}`}\n`);
	};
	const before = new Set(n8nProcesses(dir));
	const leftovers = () => n8nProcesses(dir).filter((pid) => !before.has(pid));

	process.stderr.write(`== fail-fast checks, ${LINES[line].label}\n`);
	// 1. A real n8n that cannot start: its database does not answer.
	// n8n 2.x retries its first database connection for about 31 s by design (DB_STARTUP_CONNECT_MAX_RETRIES=5);
	// one retry keeps the measure on what our scripts do once n8n gives up.
	const deadDb = {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(await freePort()),
		DB_STARTUP_CONNECT_MAX_RETRIES: '1',
	};
	for (const [script, args] of [
		['demo', ['run', 'demo', '--', '--no-build', '--line', String(line)]],
		['test:e2e', ['run', 'test:e2e', '--', '--no-build', '--line', String(line)]],
	]) {
		const result = await run('npm', args, deadDb);
		const named = /error initializing DB|ECONNREFUSED/.test(result.output);
		check(
			`npm run ${script} with n8n unable to start: exit ${result.code} in ${(result.ms / 1000).toFixed(1)} s, n8n's error shown, nothing left running`,
			result.code !== 0 && result.ms < LIMIT_MS && named && leftovers().length === 0,
			`exit ${result.code}, ${result.ms} ms, n8n's error ${named ? 'shown' : 'missing'}, left running: ${leftovers().join(' ') || 'none'}\n${result.output.slice(-2000)}`,
		);
	}

	// 2. A broken cache whose repair cannot build (no compiler): fails fast, naming the module.
	const bindings = sqliteBindings(dir);
	if (bindings.length === 0) throw new Error(`no sqlite3 binding found under ${dir}: is n8n ${LINES[line].version} installed?`);
	for (const file of bindings) fs.rmSync(file);
	const noCompiler = await run('npm', ['run', 'demo', '--', '--no-build', '--line', String(line)], { CC: 'false', CXX: 'false' });
	check(
		`broken sqlite3 binding, repair impossible: demo exit ${noCompiler.code} in ${(noCompiler.ms / 1000).toFixed(1)} s, names sqlite3`,
		noCompiler.code !== 0 && noCompiler.ms < LIMIT_MS && /sqlite3/.test(noCompiler.output) && leftovers().length === 0,
		noCompiler.output.slice(-2000),
	);

	// 3. The same broken cache, repaired by the install script on the next run.
	const repair = await run('bash', [path.join(ROOT, 'scripts', 'install-n8n.sh'), String(line)]);
	check(
		`broken sqlite3 binding: install-n8n.sh names it and repairs it (${(repair.ms / 1000).toFixed(1)} s)`,
		repair.code === 0 && /sqlite3 does not load/.test(repair.output) && /repaired/.test(repair.output) && sqliteBindings(dir).length > 0,
		repair.output.slice(-2000),
	);

	const failed = checks.filter((ok) => !ok).length;
	process.stderr.write(`fail-fast: ${checks.length - failed} passed, ${failed} failed\n`);
	process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
	process.stderr.write(`${error.stack ?? error}\n`);
	process.exitCode = 1;
});
