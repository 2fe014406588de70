'use strict';
/**
 * `n8n execute` through N8nInstance.execute (scripts/lib/n8n.js), watching the child while it runs:
 * /proc/<pid>/status VmHWM (the kernel's resident-set high-water mark) and /proc/<pid>/stat CPU time.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');

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
 * Runs `n8n execute --id=<id> --rawOutput` through the instance, sampling the child while it runs.
 * @returns {Promise<{exitCode: number, run: object|undefined, stdout: string, stderr: string,
 *   peakRssBytes: number, cpuBetween: (fromMs: number, toMs: number) => number|undefined}>}
 */
async function executeWatched(instance, id, { timeoutMs = 600_000 } = {}) {
	let peak = 0;
	const cpuSamples = [];
	const result = await instance.execute(id, {
		timeoutMs,
		onSpawn(child) {
			const sample = () => {
				peak = Math.max(peak, peakRss(child.pid) ?? 0);
				const cpu = cpuMs(child.pid);
				if (cpu !== undefined) cpuSamples.push({ at: Date.now(), cpu });
			};
			const sampler = setInterval(sample, SAMPLE_EVERY_MS);
			return () => clearInterval(sampler);
		},
	});
	return { ...result, peakRssBytes: peak, cpuBetween: (from, to) => cpuBetween(cpuSamples, from, to) };
}

/** CPU ms the process used between two wall-clock instants (the nearest samples outside them). */
function cpuBetween(samples, from, to) {
	const before = samples.filter((entry) => entry.at <= from).pop();
	const after = samples.find((entry) => entry.at >= to);
	return before && after ? after.cpu - before.cpu : undefined;
}

module.exports = { executeWatched };
