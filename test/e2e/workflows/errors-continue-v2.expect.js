// On Error: Continue (regular output) with version 2 nodes, all five action nodes. Each failed item stays
// in the main output, paired with its input, in the shape the error output also uses:
// {error: {message, description, httpCode}}, so a workflow reads failures one way whatever the setting.
const NODES = ['Documents', 'RAG', 'Clipboard', 'Agents', 'Notifications'];
const FAILED = { Documents: [1, 2], RAG: [1], Clipboard: [1], Agents: [1], Notifications: [1] };

module.exports = {
	check(result, sandbox, assert) {
		assert.equal(result.error, undefined);
		for (const node of NODES) {
			const items = result.output(node);
			assert.equal(items.length, 4, node);
			assert.deepEqual(items.map((item) => item.$pairedItem), [0, 1, 2, 3].map((item) => ({ item })), node);
			for (const [index, item] of items.entries()) {
				const failed = FAILED[node].includes(index);
				assert.equal(typeof item.error?.message === 'string', failed, `${node} item ${index}: ${JSON.stringify(item)}`);
				if (failed) {
					assert.deepEqual(Object.keys(item), ['error', '$pairedItem'], `${node} item ${index}: only error`);
					assert.ok(item.error.description, `${node} item ${index} has a description`);
				}
			}
		}
		const documents = result.output('Documents');
		assert.equal(documents[1].error.message, 'Plugged.in: Document not found');
		assert.equal(documents[1].error.httpCode, '404');
		assert.equal(documents[2].error.httpCode, undefined, 'a parameter error sends nothing');
		assert.equal(result.output('Clipboard')[1].error.httpCode, '404');
		assert.equal(result.output('Agents')[1].error.httpCode, '404');
		assert.match(result.output('Notifications')[1].error.message, /"Message" \(message\): must not be empty/);
		assert.equal(sandbox.count('POST', '/api/notifications/custom'), 3);
	},
};
