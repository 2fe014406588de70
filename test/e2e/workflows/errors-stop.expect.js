// Without Continue On Fail the execution fails with our message, naming the node.
module.exports = {
	check(result, sandbox, assert) {
		assert.notEqual(result.exitCode, 0);
		assert.ok(result.error, 'the execution has an error');
		assert.equal(result.error.message, 'Plugged.in: Document not found');
		assert.equal(result.error.node.name, 'Get');
		assert.match(result.error.description, /Check the ID/);
	},
};
