'use strict';
/**
 * Everything a run may write somewhere a person could read it: n8n's logger (LoggerProxy, every level,
 * with its metadata), the console, and raw writes to process.stdout and process.stderr.
 */
const { inspect } = require('node:util');
const { LoggerProxy } = require('n8n-workflow');

const LEVELS = ['error', 'warn', 'info', 'debug'];
const CONSOLE = ['log', 'info', 'warn', 'error', 'debug', 'trace'];

/** Runs `work` with every log line collected; returns {result, lines}. Restores everything after. */
async function captureLogs(work) {
	const lines = [];
	const text = (args) => args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg, { depth: 8 }))).join(' ');
	const saved = {
		proxy: Object.fromEntries(LEVELS.map((level) => [level, LoggerProxy[level]])),
		console: Object.fromEntries(CONSOLE.map((method) => [method, console[method]])),
		stdout: process.stdout.write,
		stderr: process.stderr.write,
	};
	// A logger at debug level, as an n8n instance with N8N_LOG_LEVEL=debug has.
	LoggerProxy.init(
		Object.fromEntries(
			LEVELS.map((level) => [level, (message, meta) => lines.push(`${level}: ${text([message, meta])}`)]),
		),
	);
	for (const method of CONSOLE) console[method] = (...args) => lines.push(`console.${method}: ${text(args)}`);
	const tap = (name, original) =>
		function write(chunk, ...rest) {
			lines.push(`${name}: ${Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk)}`);
			return original.call(this, chunk, ...rest);
		};
	process.stdout.write = tap('stdout', saved.stdout);
	process.stderr.write = tap('stderr', saved.stderr);
	try {
		return { result: await work(), lines };
	} finally {
		Object.assign(LoggerProxy, saved.proxy);
		Object.assign(console, saved.console);
		process.stdout.write = saved.stdout;
		process.stderr.write = saved.stderr;
	}
}

module.exports = { captureLogs };
