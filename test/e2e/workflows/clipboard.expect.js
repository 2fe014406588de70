// push → push → list → pop → get → clear
module.exports = {
	check(result, sandbox, assert) {
		assert.equal(result.error, undefined);
		assert.deepEqual(result.output('Push One').map((entry) => entry.idx), [0]);
		assert.deepEqual(result.output('Push Two').map((entry) => entry.idx), [1]);
		assert.match(result.output('Push Two')[0].createdAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
		assert.deepEqual(result.output('List').map((entry) => entry.value), ['two', 'one']);
		const [popped] = result.output('Pop');
		assert.equal(popped.value, 'two');
		assert.equal(popped.idx, 1);
		assert.equal(result.output('Get Index 0')[0].value, 'one');
		assert.equal(result.output('Clear')[0].deleted, 1);
		assert.equal(sandbox.clipboard.entriesOf('profile-sandbox').length, 0);
	},
};
