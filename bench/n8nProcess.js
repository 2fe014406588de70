'use strict';
/**
 * `n8n execute` like N8nInstance.execute (test/e2e/n8n.js), with the child's pid exposed so the bench can
 * watch it: /proc/<pid>/status VmHWM (the kernel's resident-set high-water mark) and /proc/<pid>/stat CPU
 * time, sampled until it exits. Same env and binary as the instance; output goes to files, as there.
 */
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const SAMPLE_EVERY_MS = 20;
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** VmHWM of a live process in bytes, or undefined once it is gone. */
function peakRss(pid) {
	try {
		const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) * 1024 : undefined;
	} catch {
		return undefined;
	}
}

/** User + system CPU time of a live process (all its threads) in ms, or undefined once it is gone. */
function cpuMs(pid) {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		// Fields 14 and 15 of stat(5); `fields` starts at field 3.
		return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
	} catch {
		return undefined;
	}
}

/**
 * Runs `n8n execute --id=<id> --rawOutput` in the instance's user folder.
 * @returns {Promise<{exitCode: number, run: object|undefined, stdout: string, stderr: string,
 *   peakRssBytes: number, cpuBetween: (fromMs: number, toMs: number) => number|undefined}>}
 */
function executeWatched(instance, id, { timeoutMs = 600_000 } = {}) {
	const base = path.join(instance.userFolder, `bench-${id}-${Date.now()}`);
	const out = fs.openSync(`${base}.out`, 'w');
	const err = fs.openSync(`${base}.err`, 'w');
	const child = spawn(instance.n8n.bin, ['execute', `--id=${id}`, '--rawOutput'], {
		env: instance.env,
		stdio: ['ignore', out, err],
		detached: true,
	});
	let peak = 0;
	const cpuSamples = [];
	const sample = () => {
		peak = Math.max(peak, peakRss(child.pid) ?? 0);
		const cpu = cpuMs(child.pid);
		if (cpu !== undefined) cpuSamples.push({ at: Date.now(), cpu });
	};
	const sampler = setInterval(sample, SAMPLE_EVERY_MS);
	const timer = setTimeout(() => kill(child), timeoutMs);
	return new Promise((resolve) => {
		child.on('exit', (code, signal) => {
			clearInterval(sampler);
			clearTimeout(timer);
			fs.closeSync(out);
			fs.closeSync(err);
			const stdout = fs.readFileSync(`${base}.out`, 'utf8');
			const stderr = fs.readFileSync(`${base}.err`, 'utf8');
			fs.rmSync(`${base}.out`, { force: true });
			fs.rmSync(`${base}.err`, { force: true });
			resolve({
				exitCode: code ?? (signal ? 124 : 1),
				run: extractJson(stdout),
				stdout,
				stderr,
				peakRssBytes: peak,
				cpuBetween: (from, to) => cpuBetween(cpuSamples, from, to),
			});
		});
	});
}

/** CPU ms the process used between two wall-clock instants (the nearest samples outside them). */
function cpuBetween(samples, from, to) {
	const before = samples.filter((entry) => entry.at <= from).pop();
	const after = samples.find((entry) => entry.at >= to);
	return before && after ? after.cpu - before.cpu : undefined;
}

function kill(child) {
	try {
		process.kill(-child.pid, 'SIGKILL');
	} catch {
		// already gone
	}
}

/** n8n 1.x prints the run JSON; 2.x prints log lines first: the block from a line "{" to a line "}". */
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

module.exports = { executeWatched };
