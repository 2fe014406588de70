'use strict';
/** Running the bench workflows in n8n and measuring the node under test from both sides. */
const fs = require('node:fs');
const path = require('node:path');

const { executeWatched } = require('./n8nProcess');
const { SUBJECT } = require('./workflows');

function log(message) {
	process.stderr.write(`${message}\n`);
}

/** Imports every workflow with one `n8n import:workflow` (one n8n start instead of one per workflow). */
async function importAll(instance, byId) {
	const file = path.join(instance.userFolder, 'bench-workflows.json');
	const list = Object.entries(byId).map(([id, workflow]) => ({ ...workflow, id, active: false }));
	fs.writeFileSync(file, JSON.stringify(list));
	await instance.mustSucceed(['import:workflow', `--input=${file}`]);
}

/**
 * Runs one imported workflow (`n8n execute`) and measures the Subject node: its time from the run data
 * (summed over its runs), the n8n process (CPU while the node ran, peak RSS) and the sandbox side
 * (requests, TCP connections, server time). Throws when the workflow or any request failed.
 */
async function measure({ instance, probe, sandbox }, { id, label, items, floorMs }) {
	sandbox.clipboard.rows.clear();
	const watch = probe.start();
	const result = await executeWatched(instance, id);
	const seen = watch.stop();
	const runData = result.run?.data?.resultData;
	const runs = runData?.runData?.[SUBJECT] ?? [];
	const error = runData?.error ?? runs.find((run) => run.error)?.error;
	if (result.exitCode !== 0 || !result.run || error || runs.length === 0) {
		const reason = error?.message ?? `n8n exited ${result.exitCode}: ${result.stderr.split('\n').slice(-5).join(' ')}`;
		throw new Error(`${label}: the workflow failed: ${reason}`);
	}
	if (Object.keys(seen.statuses).some((status) => status !== '200')) {
		throw new Error(`${label}: the sandbox answered ${JSON.stringify(seen.statuses)}`);
	}
	const nodeMs = runs.reduce((sum, run) => sum + run.executionTime, 0);
	// Only meaningful for a node that ran once (not inside Loop Over Items).
	const cpuMs = runs.length === 1 ? result.cpuBetween(runs[0].startTime, runs[0].startTime + nodeMs) : undefined;
	log(`  ${label}: ${Math.round(nodeMs)} ms, ${seen.requests} requests, ${seen.connections} connections`);
	return {
		label,
		items,
		outputItems: runs.reduce((sum, run) => sum + (run.data?.main?.[0]?.length ?? 0), 0),
		nodeMs,
		floorMs,
		requests: seen.requests,
		connections: seen.connections,
		serverMsMean: seen.serverMsMean,
		serverMsTotal: seen.serverMsTotal,
		cpuMsPerItem: cpuMs === undefined ? undefined : cpuMs / items,
		peakRssMb: result.peakRssBytes / 1024 / 1024,
	};
}

module.exports = { importAll, log, measure };
