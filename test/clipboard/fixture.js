'use strict';
/**
 * What the clipboard tests share: one sandbox per file (emptied before each test), the node run
 * through the real engine, and a node that gives the clipboard node binary input items.
 */
const { PluggedInClipboard } = require('../../nodes/PluggedInClipboard/PluggedInClipboard.node');
const { startSandbox } = require('../../sandbox/server');
const { withBinaryInput } = require('../harness/binaryInput');
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

/** The Clipboard node whose input items carry the file in their `json.file` as a binary field `data`. */
function clipboardWithBinaryInput() {
	return withBinaryInput(new PluggedInClipboard());
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

module.exports = { clipboardWithBinaryInput, ISO_Z, binaryBytes, run, storedEntries, useSandbox };
