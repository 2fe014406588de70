'use strict';
/**
 * What the clipboard tests share: one sandbox per file (emptied before each test), the node run
 * through the real engine, and a node that gives the clipboard node binary input items.
 */
const { ExecuteContext } = require('n8n-core');
const { PluggedInClipboard } = require('../../nodes/PluggedInClipboard/PluggedInClipboard.node');
const { startSandbox } = require('../../sandbox/server');
const { runNode } = require('../harness/engine');

const PROFILE = 'profile-sandbox';

/** Starts a sandbox for the test file; `fixture.sandbox` is the running one, empty at the start of each test. */
function useSandbox(options = {}) {
	const fixture = { sandbox: undefined };
	beforeAll(async () => {
		fixture.sandbox = await startSandbox(options);
	});
	afterAll(async () => {
		await fixture.sandbox.stop();
	});
	beforeEach(() => {
		fixture.sandbox.clipboard.rows.clear();
		fixture.sandbox.log.length = 0;
		fixture.sandbox.limiter.reset();
		fixture.sandbox.faults.scripted.length = 0;
	});
	return fixture;
}

/** Runs the Clipboard node once with these parameters; `node` swaps in another node class (binary input). */
async function run(sandbox, parameters, options = {}) {
	const { node = new PluggedInClipboard(), ...rest } = options;
	return await runNode(node, parameters, {
		credentials: { apiKey: sandbox.apiKey, baseUrl: sandbox.url },
		...rest,
	});
}

/**
 * The Clipboard node behind a step that turns `json.file = {base64, mimeType, fileName}` of each input
 * item into the binary field `data` (the harness's Input node emits JSON only). The clipboard node then
 * runs on a real n8n-core execution context whose input items carry that binary.
 */
class ClipboardWithBinaryInput {
	description = new PluggedInClipboard().description;

	async execute() {
		const items = await Promise.all(
			this.getInputData().map(async (item) => {
				const { file, ...json } = item.json;
				if (!file) return item;
				const data = await this.helpers.prepareBinaryData(
					Buffer.from(file.base64, 'base64'),
					file.fileName,
					file.mimeType,
				);
				return { json, binary: { data }, pairedItem: item.pairedItem };
			}),
		);
		const context = new ExecuteContext(
			this.workflow,
			this.node,
			this.additionalData,
			this.mode,
			this.runExecutionData,
			this.runIndex,
			items,
			{ main: [items] },
			this.executeData,
			this.closeFunctions,
			this.abortSignal,
		);
		return await new PluggedInClipboard().execute.call(context);
	}
}

/** The bytes of an output item's binary field (the harness keeps binaries in memory, base64 inline). */
function binaryBytes(item, field = 'data') {
	const binary = item.binary?.[field];
	if (!binary || binary.id) throw new Error(`no in-memory binary field "${field}"`);
	return Buffer.from(binary.data, 'base64');
}

/** Entries of the default key's profile, straight from the sandbox's store. */
function storedEntries(sandbox) {
	return sandbox.clipboard.entriesOf(PROFILE);
}

const ISO_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

module.exports = { ClipboardWithBinaryInput, ISO_Z, binaryBytes, run, storedEntries, useSandbox };
