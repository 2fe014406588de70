// On Error: Stop Workflow. The execution fails with our message and description, naming the node.
module.exports = {
	check(result, sandbox, assert) {
		assert.notEqual(result.exitCode, 0);
		assert.ok(result.error, 'the execution has an error');
		assert.match(result.error.message, /"Query".*"\^".*\[item 0\]/);
		assert.equal(result.error.node.name, 'RAG');
		assert.match(result.error.description, /Nothing was sent/);
	},
};
