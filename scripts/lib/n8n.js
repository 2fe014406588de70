'use strict';
/**
 * Drives a real n8n from the npm registry, headless: install (cached outside the clone), load our
 * packed package as a real install does, import credentials and workflows, execute, or start the server.
 * Used by the e2e suite, `npm run demo`, `npm run dev`, the bench and the queue and UI tests.
 * Every n8n process it starts is stopped when the calling process exits, however it exits.
 */
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const CACHE = process.env.PLUGGEDIN_N8N_CACHE || path.join(os.homedir(), '.cache', 'n8n-nodes-pluggedin');
const LINES = {
	1: { version: '1.123.81', label: 'n8n 1.123.81 on Node 20' },
	2: { version: '2.41.1', label: 'n8n 2.41.1 on Node 24' },
};
const PACKAGE_NAME = 'n8n-nodes-pluggedin';
const CREDENTIAL_ID = 'pluggedinsandbox';
const CREDENTIAL_NAME = 'Plugged.in (sandbox)';

function log(message) {
	process.stderr.write(`${message}\n`);
}

/** Builds the package and packs it as npm would publish it; returns the tarball path. */
function buildAndPack({ build = true } = {}) {
	if (build) execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
	const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pluggedin-pack-'));
	const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', out], { cwd: ROOT, encoding: 'utf8' })
		.trim()
		.split('\n')
		.pop();
	return path.join(out, name);
}

/**
 * Installs the n8n line once into the cache (scripts/install-n8n.sh checks it on every call, repairs a
 * broken one) and returns how to run it. Throws with the script's own words when it cannot.
 */
function installN8n(line) {
	let dir;
	try {
		dir = execFileSync('bash', [path.join(ROOT, 'scripts', 'install-n8n.sh'), String(line)], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'inherit'],
		}).trim();
	} catch (error) {
		throw new Error(`n8n ${LINES[line]?.version ?? line} could not be installed (scripts/install-n8n.sh exited ${error.status}); see its messages above`);
	}
	const pathPrefix = line === 2 ? `${path.join(CACHE, 'node24', 'node_modules', 'node', 'bin')}${path.delimiter}` : '';
	return { line, ...LINES[line], dir, bin: path.join(dir, 'node_modules', '.bin', 'n8n'), pathPrefix };
}

/** Process groups of every n8n started here; all are killed when this process exits. */
const running = new Set();
process.on('exit', () => {
	for (const pid of running) signalGroup(pid, 'SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
	process.once(signal, () => process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1)));
}

function spawnN8n(bin, args, options) {
	const child = spawn(bin, args, { ...options, detached: true });
	running.add(child.pid);
	child.on('exit', () => running.delete(child.pid));
	return child;
}

function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/** A fresh n8n user folder with our package extracted into .n8n/nodes/node_modules. */
class N8nInstance {
	constructor(n8n, userFolder, env) {
		this.n8n = n8n;
		this.userFolder = userFolder;
		this.env = env;
	}

	static async create(n8n, tarball, { userFolder } = {}) {
		const folder = userFolder ?? fs.mkdtempSync(path.join(os.tmpdir(), `n8n-e2e-${n8n.line}-`));
		const packageDir = path.join(folder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
		fs.rmSync(packageDir, { recursive: true, force: true });
		fs.mkdirSync(packageDir, { recursive: true });
		execFileSync('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);
		const nodesPackage = path.join(folder, '.n8n', 'nodes', 'package.json');
		if (!fs.existsSync(nodesPackage)) {
			fs.writeFileSync(nodesPackage, JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [PACKAGE_NAME]: '*' } }));
		}
		const env = {
			...process.env,
			PATH: n8n.pathPrefix + process.env.PATH,
			N8N_USER_FOLDER: folder,
			N8N_ENCRYPTION_KEY: 'pluggedin-e2e-encryption-key',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_LOG_LEVEL: 'info',
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			N8N_COMMUNITY_PACKAGES_PREVENT_LOADING: 'false',
			N8N_SECURE_COOKIE: 'false',
			// Polls under a minute are refused; tests activate and wait for the first poll instead.
			GENERIC_TIMEZONE: 'UTC',
		};
		if (n8n.line === 1) env.N8N_EXPRESSION_ENGINE = 'legacy';
		return new N8nInstance(n8n, folder, env);
	}

	/**
	 * Runs an n8n CLI command, output to files (piping n8n into another process once made it spin).
	 * `onSpawn(child)` may watch the process (the bench samples its memory) and return a stop function.
	 */
	cli(args, { timeoutMs = 180_000, onSpawn } = {}) {
		const outFile = path.join(this.userFolder, `out-${Date.now()}-${Math.random().toString(36).slice(2)}.txt`);
		const errFile = `${outFile}.err`;
		return new Promise((resolve) => {
			const out = fs.openSync(outFile, 'w');
			const err = fs.openSync(errFile, 'w');
			const child = spawnN8n(this.n8n.bin, args, { env: this.env, stdio: ['ignore', out, err] });
			const stopWatching = onSpawn?.(child);
			const timer = setTimeout(() => killTree(child), timeoutMs);
			child.on('exit', (code, signal) => {
				clearTimeout(timer);
				stopWatching?.();
				fs.closeSync(out);
				fs.closeSync(err);
				const stdout = fs.readFileSync(outFile, 'utf8');
				const stderr = fs.readFileSync(errFile, 'utf8');
				fs.rmSync(outFile, { force: true });
				fs.rmSync(errFile, { force: true });
				resolve({ code: code ?? (signal ? 124 : 1), stdout, stderr, timedOut: Boolean(signal) });
			});
		});
	}

	async importCredential(baseUrl, apiKey, { id = CREDENTIAL_ID, name = CREDENTIAL_NAME } = {}) {
		const file = path.join(this.userFolder, `credential-${id}.json`);
		fs.writeFileSync(file, JSON.stringify([{ id, name, type: 'pluggedInApi', data: { apiKey, baseUrl } }]));
		await this.mustSucceed(['import:credentials', `--input=${file}`]);
	}

	/** Imports a workflow object under the given id (≤ 16 characters); credentials point at ours. */
	async importWorkflow(workflow, id) {
		const copy = { ...workflow, id, active: false };
		copy.nodes = workflow.nodes.map((node) =>
			node.credentials?.pluggedInApi && !node.credentials.pluggedInApi.keep
				? { ...node, credentials: { ...node.credentials, pluggedInApi: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } } }
				: node,
		);
		const file = path.join(this.userFolder, `workflow-${id}.json`);
		fs.writeFileSync(file, JSON.stringify(copy));
		await this.mustSucceed(['import:workflow', `--input=${file}`]);
	}

	/** `n8n execute`: the run data, or the error of a failed execution. */
	async execute(id, options) {
		const result = await this.cli(['execute', `--id=${id}`, '--rawOutput'], options);
		const run = extractJson(result.stdout);
		return { exitCode: result.code, run, stdout: result.stdout, stderr: result.stderr, timedOut: result.timedOut };
	}

	async mustSucceed(args) {
		const result = await this.cli(args);
		if (result.code !== 0) throw new Error(`n8n ${args[0]} failed (exit ${result.code}): ${n8nError(result.stdout + result.stderr)}`);
		return result;
	}

	/**
	 * Any n8n command in the background (the queue test's `n8n worker`), its output appended to logFile.
	 * `exited` resolves when it ends; `stop()` ends it (SIGTERM, SIGKILL after 5 s).
	 */
	spawn(args, { env = {}, logFile }) {
		const out = fs.openSync(logFile, 'a');
		const child = spawnN8n(this.n8n.bin, args, { env: { ...this.env, ...env }, stdio: ['ignore', out, out] });
		fs.closeSync(out);
		const exited = new Promise((resolve) => child.on('exit', resolve));
		return { child, logFile, exited, stop: () => killTree(child) };
	}

	/** `n8n start` in the background on a loopback port; resolves once the REST API answers. */
	async start({ port } = {}) {
		const listen = port ?? (await freePort());
		const logFile = path.join(this.userFolder, 'n8n-start.log');
		const out = fs.openSync(logFile, 'w');
		const env = { ...this.env, N8N_PORT: String(listen), N8N_LISTEN_ADDRESS: '127.0.0.1', N8N_HOST: '127.0.0.1' };
		const child = spawnN8n(this.n8n.bin, ['start'], { env, stdio: ['ignore', out, out] });
		const url = `http://127.0.0.1:${listen}`;
		const deadline = Date.now() + 180_000;
		for (;;) {
			if (child.exitCode !== null || child.signalCode !== null) {
				throw new Error(`n8n start exited (${child.exitCode ?? child.signalCode}): ${n8nError(fs.readFileSync(logFile, 'utf8'))}`);
			}
			try {
				// /healthz answers while n8n is still starting; the REST settings answer JSON once it is up.
				const response = await fetch(`${url}/rest/settings`);
				if (response.ok && (response.headers.get('content-type') ?? '').includes('json')) break;
			} catch {
				// not listening yet
			}
			if (Date.now() > deadline) {
				killTree(child);
				throw new Error(`n8n start did not answer in time:\n${tail(fs.readFileSync(logFile, 'utf8'))}`);
			}
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		return { url, child, logFile, stop: () => killTree(child) };
	}
}

function signalGroup(pid, signal) {
	try {
		process.kill(-pid, signal);
	} catch {
		// already gone
	}
}

function killTree(child) {
	signalGroup(child.pid, 'SIGTERM');
	setTimeout(() => signalGroup(child.pid, 'SIGKILL'), 5000).unref();
}

/** n8n's own words for why a command failed: its error lines, else the end of its output. */
function n8nError(output) {
	const lines = output.split('\n').map((line) => line.trim()).filter(Boolean);
	const errors = lines.filter((line) => /error|not been found|cannot|failed|mismatch/i.test(line) && !/^at /.test(line));
	return (errors.length ? errors.slice(0, 8) : lines.slice(-15)).join('\n');
}

/** n8n 1.x prints the run JSON; 2.x prints log lines first: take the block from a line "{" to a line "}". */
function extractJson(stdout) {
	try {
		return JSON.parse(stdout);
	} catch {
		const lines = stdout.split('\n');
		const start = lines.findIndex((line) => line === '{');
		const end = lines.lastIndexOf('}');
		if (start < 0 || end < start) return undefined;
		try {
			return JSON.parse(lines.slice(start, end + 1).join('\n'));
		} catch {
			return undefined;
		}
	}
}

function tail(text, lines = 40) {
	return text.split('\n').slice(-lines).join('\n');
}

/** Output items (json) of a node in a run, first output, first run. */
function nodeOutput(run, nodeName, output = 0) {
	const runs = run?.data?.resultData?.runData?.[nodeName];
	if (!runs) return undefined;
	return (runs[0]?.data?.main?.[output] ?? []).map((item) => ({ ...item.json, $pairedItem: item.pairedItem }));
}

module.exports = {
	ROOT,
	CACHE,
	LINES,
	CREDENTIAL_ID,
	CREDENTIAL_NAME,
	buildAndPack,
	installN8n,
	freePort,
	N8nInstance,
	nodeOutput,
	n8nError,
	tail,
	log,
};
