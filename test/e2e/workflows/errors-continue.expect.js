// On Error: Continue (regular output). Every node keeps one output: each failed item is an item
// {error, description, httpCode} in it, paired with its input; the other items are unaffected.
const NODES = ['Documents', 'RAG', 'Clipboard', 'Agents'];
const FAILED = { Documents: [1, 2], RAG: [1], Clipboard: [1], Agents: [1] };

module.exports = {
	check(result, sandbox, assert) {
		assert.equal(result.error, undefined);
		for (const node of NODES) {
			const items = result.output(node);
			assert.equal(items.length, 4, node);
			assert.deepEqual(items.map((item) => item.$pairedItem), [0, 1, 2, 3].map((item) => ({ item })), node);
			for (const [index, item] of items.entries()) {
				const failed = FAILED[node].includes(index);
				assert.equal(typeof item.error === 'string', failed, `${node} item ${index}: ${JSON.stringify(item)}`);
				if (failed) assert.ok(item.description, `${node} item ${index} has a description`);
			}
		}
		const documents = result.output('Documents');
		assert.equal(documents[0].title, 'Plugged.in RAG Knowledge Base');
		assert.equal(documents[1].error, 'Plugged.in: Document not found');
		assert.equal(documents[1].httpCode, '404');
		assert.match(documents[2].error, /Document.*item 2|item 2/i);
		assert.equal(documents[2].httpCode, undefined, 'a parameter error sends nothing');
		assert.equal(result.output('Clipboard')[1].httpCode, '404');
		assert.equal(result.output('Agents')[1].httpCode, '404');
		assert.match(result.output('RAG')[1].error, /"Query"/);
		assert.equal(result.output('Clipboard')[1].error, 'No clipboard entry named "no_such_entry"');
	},
};
