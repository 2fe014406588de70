'use strict';
/**
 * The two services a queue-mode n8n needs, each a throw-away instance on a free loopback port in a
 * temp folder: PostgreSQL 15 (initdb + pg_ctl; as root, run as the `postgres` user, since initdb
 * refuses root) and Redis (Debian's redis-server, installed with apt-get when missing). Both are
 * stopped and their folders removed when this process exits, however it exits.
 */
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { freePort, log } = require('../../scripts/lib/n8n');

const PG_DIRS = ['/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/17/bin'];

/** Cleanups to run at exit, newest first (synchronous: 'exit' listeners cannot wait). */
const cleanups = [];
process.on('exit', () => {
	for (const cleanup of cleanups.reverse()) {
		try {
			cleanup();
		} catch {
			// best effort: the process is going away
		}
	}
});

function onExit(cleanup) {
	cleanups.push(cleanup);
	return () => {
		const index = cleanups.indexOf(cleanup);
		if (index >= 0) cleanups.splice(index, 1);
		cleanup();
	};
}

function pgBin(name) {
	const dir = PG_DIRS.find((candidate) => fs.existsSync(path.join(candidate, name)));
	return dir ? path.join(dir, name) : name;
}

function hasUser(name) {
	try {
		execFileSync('id', ['-u', name], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

/** How to run a PostgreSQL binary: directly, or (as root) through runuser as a non-root user. */
function pgRunner() {
	if (process.getuid?.() !== 0) return { user: undefined, wrap: (bin, args) => [bin, args] };
	const user = hasUser('postgres') ? 'postgres' : 'pluggedin-pg';
	if (!hasUser(user)) execFileSync('useradd', ['--system', '--no-create-home', user]);
	return { user, wrap: (bin, args) => ['runuser', ['-u', user, '--', bin, ...args]] };
}

/** A PostgreSQL cluster: `{ port, env (n8n's DB_* variables), query(sql), stop() }`. */
async function startPostgres() {
	const runner = pgRunner();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pluggedin-pg-'));
	const data = path.join(dir, 'data');
	if (runner.user) execFileSync('chown', ['-R', runner.user, dir]);
	const run = (name, args, options = {}) => {
		const [bin, argv] = runner.wrap(pgBin(name), args);
		return execFileSync(bin, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });
	};
	run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
	const port = await freePort();
	const settings = [
		`-p ${port}`,
		`-k ${dir}`,
		'-c listen_addresses=127.0.0.1',
		// Throw-away data: no durability needed, and the machine is shared.
		'-c fsync=off',
		'-c synchronous_commit=off',
		'-c full_page_writes=off',
		'-c max_connections=200',
	].join(' ');
	run('pg_ctl', ['-D', data, '-o', settings, '-l', path.join(dir, 'postgres.log'), '-w', '-t', '60', 'start']);
	const stop = onExit(() => {
		try {
			run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
	log(`  PostgreSQL on 127.0.0.1:${port}${runner.user ? ` (as ${runner.user})` : ''}`);
	return {
		port,
		env: {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(port),
			DB_POSTGRESDB_DATABASE: 'postgres',
			DB_POSTGRESDB_USER: 'postgres',
			DB_POSTGRESDB_PASSWORD: 'unused-trust-auth',
		},
		/** Rows of a query as arrays of strings (psql unaligned, tab-separated). */
		query(sql) {
			const out = run('psql', [
				'-h',
				'127.0.0.1',
				'-p',
				String(port),
				'-U',
				'postgres',
				'-d',
				'postgres',
				'-qAtF',
				'\t',
				'-c',
				sql,
			]);
			return out
				.split('\n')
				.filter(Boolean)
				.map((line) => line.split('\t'));
		},
		/** The postmaster's pid (first line of postmaster.pid); the backends are its children. */
		postmasterPid() {
			return Number(fs.readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
		},
		stop,
	};
}

function ensureRedis() {
	const has = () => {
		try {
			execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
			return true;
		} catch {
			return false;
		}
	};
	if (has()) return;
	log('  installing redis-server (apt-get)');
	const install = () =>
		execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'redis-server'], {
			stdio: ['ignore', 'ignore', 'inherit'],
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		});
	try {
		install();
	} catch {
		execFileSync('apt-get', ['update'], { stdio: ['ignore', 'ignore', 'inherit'] });
		install();
	}
	if (!has()) throw new Error('redis-server is not available after apt-get install');
}

/** A Redis server of our own (not the system service): `{ port, env (n8n's QUEUE_BULL_REDIS_*), stop() }`. */
async function startRedis() {
	ensureRedis();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pluggedin-redis-'));
	const port = await freePort();
	const logFile = path.join(dir, 'redis.log');
	const out = fs.openSync(logFile, 'w');
	const child = spawn(
		'redis-server',
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			dir,
			'--daemonize',
			'no',
		],
		{ stdio: ['ignore', out, out], detached: true },
	);
	fs.closeSync(out);
	const stop = onExit(() => {
		try {
			process.kill(-child.pid, 'SIGKILL');
		} catch {
			// already gone
		}
		fs.rmSync(dir, { recursive: true, force: true });
	});
	const deadline = Date.now() + 20_000;
	while (!/Ready to accept connections/.test(fs.readFileSync(logFile, 'utf8'))) {
		if (child.exitCode !== null) throw new Error(`redis-server exited: ${fs.readFileSync(logFile, 'utf8')}`);
		if (Date.now() > deadline) throw new Error('redis-server did not start in 20 s');
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	log(`  Redis on 127.0.0.1:${port}`);
	return {
		port,
		pid: child.pid,
		env: { QUEUE_BULL_REDIS_HOST: '127.0.0.1', QUEUE_BULL_REDIS_PORT: String(port) },
		stop,
	};
}

module.exports = { onExit, startPostgres, startRedis };
