#!/usr/bin/env node
'use strict';
/**
 * `npm run test:e2e`: our packed package in a real n8n, on both n8n lines, against the sandbox.
 * Each test/e2e/workflows/<name>.json runs with `n8n execute`; <name>.expect.js says what the nodes
 * must have produced:
 *   module.exports = { sandbox: {...options}, setup(sandbox) {}, check(result, sandbox) {} }
 *   result.output('Node name', outputIndex = 0) → the node's output items (json, plus $pairedItem), result.error, result.exitCode
 * Options: --line 1|2 (default both), --only <name substring>, --no-build.
 */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');

const { Sandbox } = require('../../sandbox/server');
const { buildAndPack, freePort, installN8n, log, N8nInstance, nodeOutput, tail } = require('../../scripts/lib/n8n');
const { checkCredentialTest, checkToolVariants, session } = require('./server-checks');
const { checkTrigger, prepareTrigger } = require('./trigger');
const { checkNotificationTrigger, prepareNotificationTrigger } = require('./notificationsTrigger');

const WORKFLOWS = path.join(__dirname, 'workflows');

async function runLine(line, tarball, only) {
	const n8n = installN8n(line);
	const instance = await N8nInstance.create(n8n, tarball);
	const port = await freePort();
	const sandboxUrl = `http://127.0.0.1:${port}`;
	const results = [];
	let sandbox = await new Sandbox({ port, seed: true }).start();
	try {
		await instance.importCredential(sandboxUrl, sandbox.apiKey);

		const names = fs
			.readdirSync(WORKFLOWS)
			.filter((file) => file.endsWith('.json'))
			.map((file) => file.slice(0, -'.json'.length))
			.filter((name) => !only || name.includes(only))
			.sort();
		await importFaultyCredentials(instance, names, sandboxUrl, sandbox.apiKey);
		let lastRun;
		for (const [index, name] of names.entries()) {
			lastRun = undefined;
			const workflow = JSON.parse(fs.readFileSync(path.join(WORKFLOWS, `${name}.json`), 'utf8'));
			const expectation = require(path.join(WORKFLOWS, `${name}.expect.js`));
			await sandbox.stop();
			sandbox = await new Sandbox({ port, seed: true, ...expectation.sandbox }).start();
			await expectation.setup?.(sandbox);
			const id = `e2e${line}w${index}`;
			const started = Date.now();
			try {
				await instance.importWorkflow(workflow, id);
				const execution = await instance.execute(id);
				lastRun = execution.run;
				const result = {
					...execution,
					error: execution.run?.data?.resultData?.error,
					output: (node, index = 0) => nodeOutput(execution.run, node, index),
				};
				if (!execution.run) throw new Error(`no run data from n8n (exit ${execution.exitCode}):\n${tail(execution.stdout + execution.stderr)}`);
				await expectation.check(result, sandbox, assert);
				results.push({ name, ok: true, ms: Date.now() - started });
			} catch (error) {
				results.push({ name, ok: false, ms: Date.now() - started, reason: `${error.message}\n${whatFailed(lastRun)}` });
			}
		}
	} finally {
		await sandbox.stop();
	}

	if (!only || ['credential-test', 'trigger', 'notifications-trigger'].some((name) => name.includes(only))) {
		results.push(...(await serverChecks(instance, port)));
	}
	return results;
}

/**
 * Credentials that fail on purpose, for workflows that name them with `keep: true`: a port with nothing
 * listening, and a Base URL with a path (the sandbox answers its HTML 404 page there).
 */
const FAULTY_CREDENTIALS = {
	pluggedinclosed: { name: 'Plugged.in (nothing listening)', url: async () => `http://127.0.0.1:${await freePort()}` },
	pluggedinpath: { name: 'Plugged.in (Base URL with a path)', url: async (sandboxUrl) => `${sandboxUrl}/app` },
};

async function importFaultyCredentials(instance, names, sandboxUrl, apiKey) {
	const used = names.map((name) => fs.readFileSync(path.join(WORKFLOWS, `${name}.json`), 'utf8')).join('\n');
	for (const [id, { name, url }] of Object.entries(FAULTY_CREDENTIALS)) {
		if (used.includes(`"${id}"`)) await instance.importCredential(await url(sandboxUrl), apiKey, { id, name });
	}
}

/** Checks that need `n8n start`: credential test over the REST API, AI tool variants, the trigger. */
async function serverChecks(instance, port) {
	const results = [];
	const sandbox = await new Sandbox({ port, seed: true }).start();
	await prepareTrigger(instance);
	await prepareNotificationTrigger(instance);
	const server = await instance.start();
	try {
		const rest = await session(server.url);
		for (const [name, check] of [
			['credential-test', () => checkCredentialTest(rest, server.url, sandbox)],
			['ai-tool-variants', () => checkToolVariants(rest)],
			['trigger (activated, polled by n8n start)', () => checkTrigger(instance, rest, sandbox)],
			['notifications-trigger (activated, polled by n8n start)', () => checkNotificationTrigger(instance, rest, sandbox)],
		]) {
			const started = Date.now();
			try {
				await check();
				results.push({ name, ok: true, ms: Date.now() - started });
			} catch (error) {
				results.push({ name, ok: false, ms: Date.now() - started, reason: error.message });
			}
		}
	} finally {
		server.stop();
		await sandbox.stop();
	}
	return results;
}

async function main() {
	const { values } = parseArgs({
		options: { line: { type: 'string' }, only: { type: 'string' }, 'no-build': { type: 'boolean' } },
	});
	const lines = values.line ? [Number(values.line)] : [2, 1];
	const tarball = buildAndPack({ build: !values['no-build'] });
	let failed = 0;
	let passed = 0;
	for (const line of lines) {
		log(`\n== ${line === 1 ? 'n8n 1.123.81 on Node 20' : 'n8n 2.41.1 on Node 24'}`);
		const results = await runLine(line, tarball, values.only);
		for (const result of results) {
			const seconds = (result.ms / 1000).toFixed(1);
			if (result.ok) {
				passed++;
				log(`  ✓ ${result.name} (${seconds} s)`);
			} else {
				failed++;
				log(`  ✗ ${result.name} (${seconds} s)\n${indent(result.reason)}`);
			}
		}
	}
	log(`\ne2e: ${passed} passed, ${failed} failed`);
	process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
}

/** The node, item and error of a failed execution, and every error item the nodes put out. */
function whatFailed(run) {
	const lines = [];
	const error = run?.data?.resultData?.error;
	if (error) {
		const item = error.context?.itemIndex ?? error.itemIndex;
		lines.push(`execution error in node "${error.node?.name ?? '?'}"${item === undefined ? '' : `, item ${item}`}: ${error.message}`);
		if (error.description) lines.push(`  ${error.description}`);
	}
	for (const [node, runs] of Object.entries(run?.data?.resultData?.runData ?? {})) {
		(runs[0]?.data?.main?.[0] ?? []).forEach((item, index) => {
			if (item.json?.error) lines.push(`error item from "${node}", item ${index}: ${item.json.error}`);
		});
	}
	return lines.join('\n');
}

function indent(text) {
	return String(text)
		.split('\n')
		.map((line) => `      ${line}`)
		.join('\n');
}

main().then(
	() => process.exit(),
	(error) => {
		// n8n's own words are in the message; the stack adds nothing for a user.
		log(`\ne2e stopped: ${error.message}`);
		process.exit(1);
	},
);
