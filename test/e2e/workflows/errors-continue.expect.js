// A 404 with Continue On Fail: an error item paired with its input, the other items unaffected.
module.exports = {
	check(result, sandbox, assert) {
		assert.equal(result.error, undefined);
		const items = result.output('Get');
		assert.equal(items.length, 3);
		assert.deepEqual(items.map((item) => item.$pairedItem), [{ item: 0 }, { item: 1 }, { item: 2 }]);
		assert.equal(items[0].title, 'Plugged.in RAG Knowledge Base');
		assert.equal(items[1].error, 'Plugged.in: Document not found');
		assert.equal(items[2].title, 'API Keys and Rate Limits');
	},
};
