// On Error: Stop Workflow. The execution fails with our message and description, naming the node.
module.exports = {
	check(result, sandbox, assert) {
		assert.notEqual(result.exitCode, 0);
		assert.ok(result.error, 'the execution has an error');
		assert.equal(result.error.message, 'Plugged.in: Document not found');
		assert.equal(result.error.node.name, 'Documents');
		assert.match(result.error.description, /document d0c5eed0-0000-4000-8000-00000000dead/);
	},
};
