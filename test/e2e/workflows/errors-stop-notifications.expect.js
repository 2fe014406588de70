// On Error: Stop Workflow. The execution fails with our message and description, naming the node.
module.exports = {
	check(result, sandbox, assert) {
		assert.notEqual(result.exitCode, 0);
		assert.ok(result.error, 'the execution has an error');
		assert.equal(result.error.message, 'Plugged.in: Notification not found or not accessible');
		assert.equal(result.error.node.name, 'Notifications');
		assert.ok(result.error.description, 'with a description');
	},
};
