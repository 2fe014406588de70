// On Error: Stop Workflow. The execution fails with our message and description, naming the node.
module.exports = {
	check(result, sandbox, assert) {
		assert.notEqual(result.exitCode, 0);
		assert.ok(result.error, 'the execution has an error');
		assert.equal(result.error.message, 'No clipboard entry named "no_such_entry"');
		assert.equal(result.error.node.name, 'Clipboard');
		assert.match(result.error.description, /Clipboard entry not found.*If Not Found/);
	},
};
