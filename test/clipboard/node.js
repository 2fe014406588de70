'use strict';
/**
 * What the clipboard tests share besides the sandbox fixture (test/harness/sandbox.js): the node run
 * through the real engine, a node that gives the clipboard node binary input items, the stored entries.
 */
const { PluggedInClipboard } = require('../../nodes/PluggedInClipboard/PluggedInClipboard.node');
const { withBinaryInput } = require('../harness/binaryInput');
const { PROFILE, runAgainst } = require('../harness/sandbox');

/** What the clipboard tests empty before each test (the sandbox fixture's `reset`). */
function emptyClipboard(sandbox) {
	sandbox.clipboard.rows.clear();
}

/** Runs the Clipboard node once with these parameters; `node` swaps in another node class (binary input). */
async function run(sandbox, parameters, options = {}) {
	const { node = new PluggedInClipboard(), ...rest } = options;
	return await runAgainst(sandbox, node, parameters, rest);
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

module.exports = { clipboardWithBinaryInput, emptyClipboard, ISO_Z, binaryBytes, run, storedEntries };
