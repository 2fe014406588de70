'use strict';
/**
 * 5. Rate-limited bulk jobs: the sandbox's three layers on, time-scaled (every window × SCALE), in the same
 * real n8n. Each scenario's time is compared with its rate-limit floor, the least time the limits allow:
 * (windows needed − 1) × the binding window, plus the last window's requests at the latency. Times are
 * given as measured (scaled) and in plugged.in's own seconds: the unscaled floor plus what the run spent
 * over its scaled floor.
 */
const { RateLimiter } = require('../sandbox/limits');
const { executeWatched } = require('./n8nProcess');
const { log } = require('./measure');
const { atMost, exactly, figure } = require('./report');
const workflows = require('./workflows');

const SCALE = 0.2;
const MINUTE = 60_000;
const DOCUMENTS = 20_000;

/**
 * The scenarios: the workflow, how many requests it needs, and the limit that binds them (requests per
 * window): layer 1's 100 per minute per path, layer 2's 60 clipboard writes per minute per key.
 */
const SCENARIOS = [
	{
		id: 'benchLimitedAll',
		label: `Documents Get Many, Return All over ${DOCUMENTS.toLocaleString('en-US')} documents`,
		workflow: () => workflows.returnAllWorkflow(),
		items: DOCUMENTS,
		requests: DOCUMENTS / 100,
		parallel: 1,
		budget: 100,
		binding: 'layer 1: 100 requests / min to one path',
	},
	{
		id: 'benchLimitedPush',
		label: '300 clipboard pushes, 10 in parallel',
		workflow: ({ agentId }) => workflows.oursWorkflow('clipboardPush', { count: 300, parallel: 10, agentId }),
		items: 300,
		requests: 300,
		parallel: 10,
		budget: 60,
		binding: 'layer 2: 60 clipboard writes / min per key',
	},
	{
		id: 'benchLimitedHeartbeat',
		label: '120 heartbeats to one agent, 10 in parallel',
		workflow: ({ agentId }) => workflows.oursWorkflow('heartbeat', { count: 120, parallel: 10, agentId }),
		items: 120,
		requests: 120,
		parallel: 10,
		budget: 100,
		binding: 'layer 1: 100 requests / min to one path (layer 3 allows 120)',
	},
];

function rateLimitedWorkflows({ agentId }) {
	const byId = {};
	for (const scenario of SCENARIOS) {
		// Failed items become error items, so that they are counted instead of stopping the workflow.
		const workflow = scenario.workflow({ agentId });
		workflow.name = `bench rate-limited ${scenario.id}`;
		workflow.nodes = workflow.nodes.map((node) =>
			node.name === workflows.SUBJECT ? { ...node, onError: 'continueRegularOutput' } : node,
		);
		byId[scenario.id] = workflow;
	}
	return byId;
}

/** The least time the limits allow, in the server's own (unscaled) milliseconds. */
function floorMs({ requests, budget, parallel }, latencyMs, scale) {
	const windows = Math.ceil(requests / budget);
	const lastWindow = requests - (windows - 1) * budget;
	return (windows - 1) * MINUTE * scale + Math.ceil(lastWindow / parallel) * latencyMs;
}

/** `documents`: how many the bench's sandbox already holds (the library is topped up to DOCUMENTS). */
async function rateLimitedSection({ instance, sandbox }, { latencyMs, documents }) {
	log(`5. Rate-limited jobs (limits on, windows × ${SCALE})`);
	const profile = sandbox.owners.get(sandbox.apiKey).profile;
	const oldest = Date.now() - 2 * DOCUMENTS * 1000;
	for (let i = documents; i < DOCUMENTS; i++) {
		sandbox.documents.insert(profile, { title: `Bench document ${i}`, content: 'bench', createdAt: oldest + i });
	}
	const scenarios = [];
	const figures = [];
	for (const scenario of SCENARIOS) {
		sandbox.clipboard.rows.clear();
		// A fresh limiter per scenario: each starts with full budgets, as a job run on its own would.
		sandbox.limiter = new RateLimiter(sandbox.clock, { enabled: true }, SCALE);
		const from = sandbox.log.length;
		const result = await executeWatched(instance, scenario.id);
		const entries = sandbox.log.slice(from);
		const runData = result.run?.data?.resultData;
		const runs = runData?.runData?.[workflows.SUBJECT] ?? [];
		if (result.exitCode !== 0 || runs.length === 0) {
			throw new Error(
				`${scenario.label}: n8n exited ${result.exitCode}: ${result.stderr.split('\n').slice(-5).join(' ')}`,
			);
		}
		const output = runs.flatMap((run) => run.data?.main?.[0] ?? []);
		const failures = output.filter((item) => item.json?.error !== undefined).length + (runData.error ? 1 : 0);
		const nodeMs = runs.reduce((sum, run) => sum + run.executionTime, 0);
		const refused = entries.filter((entry) => entry.status === 429).length;
		const accepted = entries.length - refused;
		const floorScaled = floorMs(scenario, latencyMs, SCALE);
		const floorReal = floorMs(scenario, latencyMs, 1);
		// What the run spent over its floor (n8n's own cost per request, probing steps, rounding) does not
		// shrink with the scale: in plugged.in's seconds the job takes the unscaled floor plus that.
		const unscaledMs = floorReal + (nodeMs - floorScaled);
		log(
			`  ${scenario.label}: ${Math.round(nodeMs)} ms (floor ${Math.round(floorScaled)} ms), ${accepted} accepted, ${refused} × 429, ${failures} failed`,
		);
		scenarios.push({
			label: `${scenario.label} (rate limits on, × ${SCALE})`,
			items: scenario.items,
			nodeMs,
			floorMs: floorScaled,
			requests: entries.length,
		});
		const name = `Rate-limited: ${scenario.label}`;
		const complete = scenario.items === DOCUMENTS ? output.length : output.length - failures;
		figures.push(
			figure(
				`${name}: time vs rate-limit floor in plugged.in seconds (${scenario.binding})`,
				unscaledMs / floorReal,
				'×',
				atMost(1.1),
			),
			figure(`${name}: time in plugged.in seconds (floor ${(floorReal / 1000).toFixed(1)} s)`, unscaledMs / 1000, 's'),
			figure(
				`${name}: time vs floor as measured, windows × ${SCALE} (floor ${(floorScaled / 1000).toFixed(1)} s)`,
				nodeMs / floorScaled,
				'×',
			),
			figure(`${name}: 429 answers`, refused, ''),
			figure(`${name}: failed items`, failures, '', exactly(0)),
			figure(`${name}: items out`, complete, '', exactly(scenario.items)),
		);
	}
	sandbox.limiter = new RateLimiter(sandbox.clock, { enabled: false });
	return { scenarios, figures };
}

module.exports = { RATE_LIMIT_SCALE: SCALE, rateLimitedSection, rateLimitedWorkflows };
