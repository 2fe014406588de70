#!/usr/bin/env node
'use strict';
/**
 * `npm run dev`: n8n's editor on http://localhost:5678 with this package loaded (rebuilt at each start),
 * the sandbox on http://127.0.0.1:12005 with sample data, and a ready "Plugged.in (sandbox)" credential.
 * The n8n user folder is kept in ~/.cache/n8n-nodes-pluggedin/dev, so your workflows survive restarts.
 * Options: --line 1|2 (default 2: n8n 2.41.1), --port (n8n, default 5678), --sandbox-port (default 12005).
 */
const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');

const { startSandbox } = require('../sandbox/server');
const { buildAndPack, CACHE, installN8n, N8nInstance } = require('./lib/n8n');

async function main() {
	const { values } = parseArgs({
		options: { line: { type: 'string' }, port: { type: 'string' }, 'sandbox-port': { type: 'string' } },
	});
	const n8n = installN8n(Number(values.line ?? 2));
	const userFolder = path.join(CACHE, `dev-${n8n.version}`);
	fs.mkdirSync(userFolder, { recursive: true });
	const instance = await N8nInstance.create(n8n, buildAndPack(), { userFolder });
	const sandbox = await startSandbox({ port: Number(values['sandbox-port'] ?? 12005), seed: true });
	await instance.importCredential(sandbox.url, sandbox.apiKey);
	const server = await instance.start({ port: Number(values.port ?? 5678) });
	process.stdout.write(
		[
			`n8n (${n8n.label}) is ready: http://localhost:${values.port ?? 5678}`,
			`Sandbox: ${sandbox.url}  API key: ${sandbox.apiKey}`,
			'Credential "Plugged.in (sandbox)" points at the sandbox. For plugged.in, create another',
			'"Plugged.in API" credential with your key and Base URL https://plugged.in.',
			`n8n log: ${server.logFile}. Ctrl-C stops both.`,
			'',
		].join('\n'),
	);
	const stop = async () => {
		server.stop();
		await sandbox.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	server.child.on('exit', async (code) => {
		process.stdout.write(`n8n exited (${code}); see ${server.logFile}\n`);
		await sandbox.stop();
		process.exit(code ?? 1);
	});
}

main().catch((error) => {
	console.error(`npm run dev stopped: ${error.message}`);
	process.exit(1);
});
