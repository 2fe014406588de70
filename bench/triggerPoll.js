'use strict';
/**
 * Child process of the bench (run with `node --import tsx`: the harness loads the TypeScript sources):
 * the Plugged.in Trigger's poll() through n8n-core's PollContext (test/harness pollNode) against a
 * sandbox holding a large library in which nothing new appears. Prints one JSON line:
 *   {documents, polls, requestsPerPoll: number[], msPerPoll: number[], emitted}
 * Usage: node --import tsx bench/triggerPoll.js <documents> <latencyMs> <polls>
 */
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const { Sandbox } = require(path.join(ROOT, 'sandbox', 'server'));
const { pollNode } = require(path.join(ROOT, 'test', 'harness', 'engine'));
const { PluggedInTrigger } = require(path.join(ROOT, 'nodes', 'PluggedInTrigger', 'PluggedInTrigger.node.ts'));

async function main() {
	const [documents, latencyMs, polls] = process.argv.slice(2).map(Number);
	const sandbox = await new Sandbox({ latencyMs }).start();
	try {
		const profile = sandbox.owners.get(sandbox.apiKey).profile;
		const start = Date.now() - documents * 1000;
		for (let i = 0; i < documents; i++) {
			sandbox.documents.insert(profile, {
				title: `Bench document ${i}`,
				content: 'bench',
				createdAt: start + i * 1000,
			});
		}
		const credentials = { apiKey: sandbox.apiKey, baseUrl: sandbox.url };
		const staticData = {};
		const poll = () => pollNode(new PluggedInTrigger(), { event: 'documentCreated' }, { credentials, staticData });
		// The first poll of an activated trigger only records where the library stands.
		const first = await poll();
		if (first.error) throw first.error;
		const requestsPerPoll = [];
		const msPerPoll = [];
		let emitted = 0;
		for (let i = 0; i < polls; i++) {
			const before = sandbox.log.length;
			const started = performance.now();
			const run = await poll();
			msPerPoll.push(performance.now() - started);
			if (run.error) throw run.error;
			requestsPerPoll.push(sandbox.log.length - before);
			emitted += run.items.length;
		}
		process.stdout.write(`${JSON.stringify({ documents, polls, requestsPerPoll, msPerPoll, emitted })}\n`);
	} finally {
		await sandbox.stop();
	}
}

main().catch((error) => {
	process.stderr.write(`${error.stack ?? error}\n`);
	process.exitCode = 1;
});
