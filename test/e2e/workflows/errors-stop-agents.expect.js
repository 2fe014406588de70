// On Error: Stop Workflow. The execution fails with our message and description, naming the node.
module.exports = {
	check(result, sandbox, assert) {
		assert.notEqual(result.exitCode, 0);
		assert.ok(result.error, 'the execution has an error');
		assert.equal(result.error.message, 'Plugged.in: Agent not found');
		assert.equal(result.error.node.name, 'Agents');
		assert.match(result.error.description, /0a9e6f10-5c1d-4c59-9b8e-7a1d2c3bdead/);
	},
};
