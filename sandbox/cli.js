#!/usr/bin/env node
'use strict';
// `npm run sandbox`: a local Plugged.in on 127.0.0.1 for workflows and tests.
const { parseArgs } = require('node:util');
const { FAULT_MODES } = require('./faults');
const { startSandbox } = require('./server');

const USAGE = `Usage: npm run sandbox -- [options]
  --port N            port (env SANDBOX_PORT; default 12005, 0 = random)
  --host H            address to bind (default 127.0.0.1)
  --api-key K         the accepted API key (env SANDBOX_API_KEY)
  --latency-ms N      delay added to every answer (env SANDBOX_LATENCY_MS)
  --rate-limits       enforce the real server's three rate-limit layers
  --rate-limit-scale F  with --rate-limits: every window (and Retry-After, X-RateLimit-Reset) times F,
                      e.g. 0.1 makes a 60 s window 6 s (default 1)
  --agents-no-redis   with --rate-limits: agent routes limited as a server without Redis (half the limits,
                      one counter per path, Retry-After 60 s with a later X-RateLimit-Reset)
  --faults SPEC       fault ratios, e.g. 500=0.1,reset=0.05 (modes: ${FAULT_MODES.join(', ')})
  --slow-ms N         how long a "slow" fault waits (default 5000)
  --no-seed           start with an empty library, clipboard and agent list
  --document-delete   answer DELETE /api/documents/{id} (plugged.in itself answers 405)
  --rag-disabled      answer RAG queries with 500 "RAG is not enabled", as a server without RAG`;

/** "500=0.1,reset=0.05" → { '500': 0.1, reset: 0.05 } */
function parseFaults(spec) {
	const ratios = {};
	for (const part of spec.split(',').filter(Boolean)) {
		const [mode, ratio] = part.split('=');
		if (!FAULT_MODES.includes(mode) || !(Number(ratio) >= 0 && Number(ratio) <= 1)) {
			throw new Error(`bad fault "${part}": use mode=ratio with a mode among ${FAULT_MODES.join(', ')}`);
		}
		ratios[mode] = Number(ratio);
	}
	return ratios;
}

function rateLimitScale(value) {
	if (value === undefined) return undefined;
	const scale = Number(value);
	if (!(scale > 0 && scale <= 1)) throw new Error(`bad --rate-limit-scale "${value}": use a number in (0, 1]`);
	return scale;
}

async function main() {
	const { values } = parseArgs({
		options: {
			port: { type: 'string' },
			host: { type: 'string' },
			'api-key': { type: 'string' },
			'latency-ms': { type: 'string' },
			'rate-limits': { type: 'boolean' },
			'rate-limit-scale': { type: 'string' },
			'agents-no-redis': { type: 'boolean' },
			faults: { type: 'string' },
			'slow-ms': { type: 'string' },
			'no-seed': { type: 'boolean' },
			'document-delete': { type: 'boolean' },
			'rag-disabled': { type: 'boolean' },
			help: { type: 'boolean', short: 'h' },
		},
	});
	if (values.help) return void console.log(USAGE);
	const env = process.env;
	const sandbox = await startSandbox({
		port: Number(values.port ?? env.SANDBOX_PORT ?? 12005),
		host: values.host ?? env.SANDBOX_HOST ?? '127.0.0.1',
		apiKey: values['api-key'] ?? env.SANDBOX_API_KEY,
		latencyMs: Number(values['latency-ms'] ?? env.SANDBOX_LATENCY_MS ?? 0),
		rateLimits: {
			enabled: Boolean(values['rate-limits']),
			agentsWithoutRedis: Boolean(values['agents-no-redis']),
		},
		rateLimitScale: rateLimitScale(values['rate-limit-scale'] ?? env.SANDBOX_RATE_LIMIT_SCALE),
		faults: values.faults
			? { ratios: parseFaults(values.faults), slowMs: Number(values['slow-ms'] ?? 5000) }
			: undefined,
		seed: !values['no-seed'],
		documentDeleteRoute: Boolean(values['document-delete']),
		ragEnabled: !values['rag-disabled'],
	});
	console.log(`Plugged.in sandbox listening on ${sandbox.url}`);
	console.log(`API key: ${sandbox.apiKey}`);
	const stop = () => sandbox.stop().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	console.error(error.message);
	console.error(USAGE);
	process.exit(2);
});
