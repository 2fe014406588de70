#!/usr/bin/env node
'use strict';
/**
 * `npm run test:ui`: what a user sees in n8n's editor, in a real browser. A real n8n (2.41.1 by default)
 * with our packed package and a credential for the seeded sandbox; Debian's chromium (installed with
 * apt-get when missing), driven by playwright-core, with a fresh profile. Checks:
 *   - a fresh workflow's node panel lists all six nodes for "plugged";
 *   - each node's action list is its operations (events for the trigger), and a node added from an
 *     action opens without errors and is named after the action;
 *   - the Documents picker lists the library; Execute step on Get Many shows the documents;
 *   - a node's output-schema preview loads (before any run) for the next node's input;
 *   - the credential test passes with the sandbox key and fails, with our message, with a wrong one;
 *   - no console error or failed request caused by the package.
 * Screenshots of failures go to .ui-screenshots/; the canvas with all six nodes to docs/editor.png.
 * Options: --line 1|2 (default 2), --no-build, --headed.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { parseArgs } = require('node:util');

const { startSandbox } = require('../../sandbox/server');
const { buildAndPack, CREDENTIAL_ID, installN8n, log, N8nInstance, ROOT } = require('../../scripts/lib/n8n');
const { OWNER, session } = require('../e2e/server-checks');
const { uiWorkflow } = require('./workflow');

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = path.join(ROOT, '.ui-screenshots');
const PACKAGE = 'n8n-nodes-pluggedin';
// What n8n's node panel adds to an app's actions when a workflow has no trigger yet.
const N8N_TRIGGER_PLACEHOLDERS = ['On a Schedule', 'On a Webhook call'];
// A request or console message is ours when it names the package, its nodes or its API. n8n's own
// look-up of the installed community package on registry.npmjs.org (no network here) is not.
const OURS = /pluggedin|plugged\.in|pluggedIn/i;
const N8N_REGISTRY_LOOKUP = /registry\.npmjs\.org/;
const isOurs = (text) => OURS.test(text) && !N8N_REGISTRY_LOOKUP.test(text);

function ensureChromium() {
	if (fs.existsSync(CHROMIUM)) return;
	log('chromium is missing: apt-get update && apt-get install -y chromium');
	execFileSync('apt-get', ['update'], { stdio: 'inherit' });
	execFileSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

/** The operations (action names) and events of the nodes, from the package as built. */
function expectedActions() {
	const load = (folder) => {
		const module = require(path.join(ROOT, 'dist', 'nodes', folder, `${folder}.node.js`));
		return new module[folder]().description;
	};
	const actions = {};
	for (const folder of ['PluggedInDocuments', 'PluggedInRag', 'PluggedInClipboard', 'PluggedInAgents', 'PluggedInNotifications']) {
		const description = load(folder);
		const operation = description.properties.find((property) => property.name === 'operation');
		actions[description.displayName] = operation.options.map((option) => option.action);
	}
	const trigger = load('PluggedInTrigger');
	actions[trigger.displayName] = trigger.properties.find((property) => property.name === 'event').options.map((option) => option.name);
	return actions;
}

class UiRun {
	constructor(page, { url, line }) {
		this.page = page;
		this.url = url;
		this.line = line;
		this.results = [];
		this.problems = []; // console errors and failed requests caused by the package
		this.notes = []; // the same from n8n itself, reported, not failed
		this.schemaRequests = [];
		page.on('console', (message) => {
			if (message.type() !== 'error') return;
			const where = message.location()?.url ?? '';
			const text = `console error: ${message.text().slice(0, 400)}${where ? ` (${where})` : ''}`;
			(isOurs(text) ? this.problems : this.notes).push(text);
		});
		page.on('pageerror', (error) => {
			const text = `page error: ${error.message.slice(0, 400)}`;
			(isOurs(`${error.message}\n${error.stack}`) ? this.problems : this.notes).push(text);
		});
		page.on('requestfailed', (request) => {
			const failure = request.failure()?.errorText ?? '';
			// Navigation aborts requests of the page it leaves; that is no failure of theirs.
			if (failure === 'net::ERR_ABORTED') return;
			const text = `request failed: ${request.method()} ${request.url()} ${failure}`;
			(isOurs(request.url()) ? this.problems : this.notes).push(text);
		});
		page.on('response', async (response) => {
			const requestUrl = response.url();
			if (requestUrl.includes('/schemas/')) this.schemaRequests.push({ url: requestUrl, status: response.status() });
			if (response.status() < 400) return;
			// Before login the editor asks who is logged in: 401 is its normal answer.
			if (response.status() === 401 && new URL(requestUrl).pathname === '/rest/login') return;
			// n8n's error bodies carry a stack trace whose paths may name the n8n cache folder: not the package.
			const body = (await response.text().catch(() => '')).replace(/"stacktrace":"(?:[^"\\]|\\.)*"/, '"stacktrace":…');
			const postData = response.request().postData() ?? '';
			const ours = isOurs(requestUrl) || isOurs(postData) || isOurs(body);
			const text = `HTTP ${response.status()}: ${response.request().method()} ${requestUrl} ${body.slice(0, 300)}`;
			(ours ? this.problems : this.notes).push(text);
		});
	}

	async check(name, body) {
		const started = Date.now();
		const problemsBefore = this.problems.length;
		try {
			await body();
			const caused = this.problems.slice(problemsBefore);
			if (caused.length) throw new Error(`the package caused errors in the browser:\n${caused.join('\n')}`);
			this.results.push({ name, ok: true, ms: Date.now() - started });
		} catch (error) {
			fs.mkdirSync(SHOTS, { recursive: true });
			const shot = path.join(SHOTS, `${this.line}-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
			await this.page.screenshot({ path: shot }).catch(() => {});
			this.results.push({ name, ok: false, ms: Date.now() - started, reason: `${error.message}\n  screenshot: ${shot}` });
		}
	}

	byTestId(id) {
		return this.page.locator(`[data-test-id="${id}"]`);
	}

	async signIn() {
		await this.page.goto(`${this.url}/signin`);
		await this.page.locator('input[type=email], input[name=emailOrLdapLoginId]').first().fill(OWNER.email);
		await this.page.locator('input[type=password]').first().fill(OWNER.password);
		await this.page.getByRole('button', { name: 'Sign in' }).click();
		await this.page.waitForURL((address) => !address.pathname.includes('signin'), { timeout: 60_000 });
		await this.page.waitForLoadState('networkidle').catch(() => {});
	}

	/** A new workflow with the node panel open and "plugged" typed; the names it lists. */
	async searchNodePanel() {
		await this.page.goto(`${this.url}/workflow/new`);
		await this.page.waitForLoadState('networkidle').catch(() => {});
		await this.byTestId('canvas-add-button').first().click({ timeout: 90_000 });
		await this.byTestId('node-creator-search-bar').first().waitFor({ timeout: 30_000 });
		await this.page.keyboard.type('plugged');
		await this.page.waitForTimeout(500);
		return await this.byTestId('node-creator-item-name').allInnerTexts();
	}

	async openNodeActions(listedName) {
		await this.byTestId('node-creator-item-name').getByText(listedName, { exact: true }).click();
		await this.page.waitForTimeout(500);
		return (await this.byTestId('node-creator-item-name').allInnerTexts()).filter(
			(name) => !N8N_TRIGGER_PLACEHOLDERS.includes(name),
		);
	}

	/** Adds the node from one of its actions; the node details view opens on it. Returns its title. */
	async addFromAction(action) {
		await this.byTestId('node-creator-item-name').getByText(action, { exact: true }).click();
		await this.byTestId('node-parameters').waitFor({ timeout: 30_000 });
		await this.page.waitForTimeout(1000);
		const issues = await this.page.locator('.el-notification').filter({ hasText: /error|problem|could not/i }).allInnerTexts();
		if (issues.length) throw new Error(`the editor showed: ${issues.join(' | ')}`);
		return (await this.byTestId('node-title-container').first().innerText()).trim();
	}

	/** The element's text (whitespace folded) once it matches `pattern`, or undefined after the timeout. */
	async waitForText(locator, pattern, timeoutMs = 60_000) {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			const text = (await locator.innerText().catch(() => '')).replace(/\s+/g, ' ');
			if (pattern.test(text)) return text;
			await this.page.waitForTimeout(500);
		}
		return undefined;
	}

	async closeNdv() {
		await this.page.keyboard.press('Escape');
		await this.byTestId('node-parameters').waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => {});
	}

	async openNode(name) {
		await this.page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`).dblclick();
		await this.byTestId('node-parameters').waitFor({ timeout: 30_000 });
	}
}

function assertEqual(actual, expected, what) {
	if (JSON.stringify(actual) !== JSON.stringify(expected)) {
		throw new Error(`${what}:\n  expected ${JSON.stringify(expected)}\n  got      ${JSON.stringify(actual)}`);
	}
}

async function runChecks(ui, { rest, sandbox }) {
	const actions = expectedActions();
	const actionNodes = Object.keys(actions).filter((name) => !name.endsWith('Trigger'));
	const triggerName = Object.keys(actions).find((name) => name.endsWith('Trigger'));

	await ui.check('the node panel of a fresh workflow lists all six nodes for "plugged"', async () => {
		const listed = await ui.searchNodePanel();
		// In a workflow without a trigger the panel shows trigger nodes without " Trigger".
		for (const name of [...actionNodes, triggerName.replace(/ Trigger$/, '')]) {
			if (!listed.includes(name)) throw new Error(`"${name}" is not listed; the panel shows ${JSON.stringify(listed)}`);
		}
	});

	const firstActions = {
		'Plugged.in Documents': 'Get many documents',
		'Plugged.in RAG': 'Ask a question',
		'Plugged.in Clipboard': 'Get many clipboard entries',
		'Plugged.in Agents': 'Get many agents',
		'Plugged.in Notifications': 'Send a notification',
	};
	for (const name of actionNodes) {
		await ui.check(`${name}: its actions are its operations; added from one it opens, named after it`, async () => {
			await ui.searchNodePanel();
			assertEqual(await ui.openNodeActions(name), actions[name], `${name} actions`);
			const title = await ui.addFromAction(firstActions[name]);
			assertEqual(title, firstActions[name], 'node name');
			if (name === 'Plugged.in Documents') {
				await ui.byTestId('node-execute-button').first().click();
				const output = ui.page.locator('[data-test-id="output-panel"], [data-test-id="ndv-output-panel"]').first();
				// The seeded library: six documents.
				const shown = await ui.waitForText(output, /\b6 items\b.*Getting Started with Plugged\.in/);
				if (!shown) throw new Error(`the output does not show the 6 documents: ${(await output.innerText()).slice(0, 400)}`);
			}
			await ui.closeNdv();
		});
	}

	await ui.check(`${triggerName}: its events are listed; added from one it opens`, async () => {
		await ui.searchNodePanel();
		const listed = await ui.openNodeActions(triggerName.replace(/ Trigger$/, ''));
		const events = actions[triggerName];
		const missing = events.filter((event) => !listed.some((item) => item.toLowerCase().includes(event.toLowerCase())));
		if (missing.length || listed.length !== events.length) {
			throw new Error(`events ${JSON.stringify(events)}; the panel lists ${JSON.stringify(listed)}`);
		}
		await ui.addFromAction(listed[0]);
		await ui.closeNdv();
	});

	await ui.check('Documents: the From-list picker lists the library', async () => {
		await ui.searchNodePanel();
		await ui.openNodeActions('Plugged.in Documents');
		await ui.addFromAction('Get a document');
		await ui.byTestId('rlc-input').first().click();
		await ui.byTestId('rlc-item').first().waitFor({ timeout: 30_000 });
		const items = await ui.byTestId('rlc-item').allInnerTexts();
		// The seeded library: six documents, newest first.
		if (items.length !== 6 || !items.some((item) => item.includes('Getting Started with Plugged.in'))) {
			throw new Error(`the picker lists ${JSON.stringify(items)}`);
		}
		await ui.page.keyboard.press('Escape');
		await ui.closeNdv();
	});

	await ui.check('Clipboard: the Name picker lists the entries', async () => {
		await ui.searchNodePanel();
		await ui.openNodeActions('Plugged.in Clipboard');
		await ui.addFromAction('Get a clipboard entry');
		await ui.byTestId('rlc-input').first().click();
		await ui.byTestId('rlc-item').first().waitFor({ timeout: 30_000 });
		const items = await ui.byTestId('rlc-item').allInnerTexts();
		for (const name of ['user_preferences', 'session_notes']) {
			if (!items.some((item) => item.includes(name))) throw new Error(`picker lists ${JSON.stringify(items)}`);
		}
		await ui.page.keyboard.press('Escape');
		await ui.closeNdv();
	});

	await ui.check("the AI Agent's tool panel offers each action node (a …Tool variant under AI › Tools)", async () => {
		const types = (await rest('GET', '/types/nodes.json')).json;
		for (const folder of ['pluggedInDocuments', 'pluggedInRag', 'pluggedInClipboard', 'pluggedInAgents']) {
			const tool = types.find((type) => type.name === `${PACKAGE}.${folder}Tool`);
			if (!tool) throw new Error(`no ${folder}Tool among the node types`);
			const { categories = [], subcategories = {} } = tool.codex ?? {};
			if (!categories.includes('AI') || !subcategories.AI?.includes('Tools')) {
				throw new Error(`${folder}Tool codex: ${JSON.stringify(tool.codex)}`);
			}
		}
	});

	let workflowId;
	await ui.check('the next node shows an output-schema preview before any run; docs/editor.png', async () => {
		const created = await rest('POST', '/workflows', uiWorkflow(CREDENTIAL_ID));
		if (created.status !== 200) throw new Error(`could not create the workflow: ${created.status} ${created.text.slice(0, 300)}`);
		workflowId = created.json.data.id;
		await ui.page.goto(`${ui.url}/workflow/${workflowId}`);
		await ui.page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 90_000 });
		await ui.page.waitForTimeout(1500);
		await ui.byTestId('zoom-to-fit').first().click().catch(() => {});
		await ui.page.waitForTimeout(1000);
		if (ui.line === 2) await ui.page.screenshot({ path: path.join(ROOT, 'docs', 'editor.png') });
		ui.schemaRequests.length = 0;
		await ui.openNode('Ask a question');
		const input = ui.byTestId('ndv-input-panel');
		await input.getByText('title', { exact: true }).first().waitFor({ timeout: 30_000 });
		const preview = ui.schemaRequests.find((request) => request.url.includes(`${PACKAGE}.pluggedInDocuments/2.0.0/document/getMany.json`));
		if (!preview || preview.status !== 200) throw new Error(`schema requests: ${JSON.stringify(ui.schemaRequests)}`);
		await ui.closeNdv();
	});

	await ui.check('every schema the editor asked for was there', async () => {
		const missing = ui.schemaRequests.filter((request) => request.url.includes(PACKAGE) && request.status !== 200);
		if (missing.length) throw new Error(JSON.stringify(missing));
	});

	await ui.check('the credential test passes with the sandbox key and fails with a wrong one', async () => {
		await ui.page.goto(`${ui.url}/home/credentials/${CREDENTIAL_ID}`);
		const modal = ui.byTestId('credential-edit-dialog');
		await modal.waitFor({ timeout: 60_000 });
		// n8n 2 tests a credential when it is saved; n8n 1 when it opens (its Save shows only after a change).
		const save = ui.byTestId('credential-save-button');
		if (await save.waitFor({ timeout: 3000 }).then(() => true, () => false)) await save.click();
		await ui.byTestId('credentials-config-container-test-success').waitFor({ timeout: 30_000 });
		const key = modal.locator('[data-test-id="parameter-input-apiKey"] input, input[type=password]').first();
		await key.fill('pg_in_wrong');
		await ui.byTestId('credential-save-button').click();
		await modal.getByText(/Couldn.t connect with these settings/).first().waitFor({ timeout: 30_000 });
		// n8n shows the credential test's own message under "More details".
		await modal.getByText('More details').first().click();
		await ui.page.getByText(/Plugged\.in rejected the API key/).first().waitFor({ timeout: 10_000 });
		// Put the working key back, as the user would.
		await key.fill(sandbox.apiKey);
		await ui.byTestId('credential-save-button').click();
		await ui.byTestId('credentials-config-container-test-success').waitFor({ timeout: 30_000 });
	});
}

async function main() {
	const { values } = parseArgs({
		options: { line: { type: 'string' }, 'no-build': { type: 'boolean' }, headed: { type: 'boolean' } },
	});
	const line = Number(values.line ?? 2);
	ensureChromium();
	const { chromium } = require('playwright-core');
	const n8n = installN8n(line);
	const tarball = buildAndPack({ build: !values['no-build'] });
	const instance = await N8nInstance.create(n8n, tarball);
	const sandbox = await startSandbox({ seed: true });
	await instance.importCredential(sandbox.url, sandbox.apiKey);
	const server = await instance.start();
	const rest = await session(server.url); // sets the owner account up
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pluggedin-ui-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: !values.headed,
		args: [
			...(values.headed ? [] : ['--headless']),
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			// Loopback only: n8n's editor would also ask the npm registry about the package.
			'--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
		],
		viewport: { width: 1440, height: 900 },
	});
	const started = Date.now();
	let ui;
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		ui = new UiRun(page, { url: server.url, line });
		await ui.signIn();
		await runChecks(ui, { rest, sandbox });
	} finally {
		await context.close();
		server.stop();
		await sandbox.stop();
		fs.rmSync(profile, { recursive: true, force: true });
	}
	log(`\n${n8n.label}, chromium ${chromiumVersion()}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
	for (const result of ui.results) {
		log(`  ${result.ok ? 'ok  ' : 'FAIL'} ${result.name} (${(result.ms / 1000).toFixed(1)} s)${result.ok ? '' : `\n       ${result.reason.replace(/\n/g, '\n       ')}`}`);
	}
	if (ui.notes.length) log(`  n8n's own console errors and failed requests (not the package's):\n    ${[...new Set(ui.notes)].join('\n    ')}`);
	const failed = ui.results.filter((result) => !result.ok).length;
	log(`${ui.results.length - failed} passed, ${failed} failed`);
	process.exit(failed ? 1 : 0);
}

function chromiumVersion() {
	try {
		return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim().replace(/^Chromium\s*/, '');
	} catch {
		return '?';
	}
}

main().catch((error) => {
	console.error(`npm run test:ui stopped: ${error.stack ?? error.message}`);
	process.exit(1);
});
