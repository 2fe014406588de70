// send → list alerts → mark read → complete (twice: one toggle) → delete (twice: the second says it did not exist) → list
module.exports = {
	check(result, sandbox, assert) {
		assert.equal(result.error, undefined);
		const [sent] = result.output('Send');
		assert.equal(sent.identified, true, `Send identified its notification: ${JSON.stringify(sent)}`);
		assert.match(sent.id, /^[0-9a-f-]{36}$/);
		assert.equal(sent.severity, 'ALERT');
		assert.equal(sent.title, 'E2E alert');
		assert.match(sent.created_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
		assert.deepEqual(
			result.output('List Alerts').map((notification) => notification.id),
			[sent.id],
		);
		const [read] = result.output('Mark as Read');
		assert.equal(read.id, sent.id);
		assert.equal(read.read, true);
		assert.equal(result.output('Complete')[0].changed, true);
		assert.equal(result.output('Complete Again')[0].changed, false);
		assert.equal(result.output('Complete Again')[0].completed, true);
		assert.equal(result.output('Delete')[0].existed, true);
		assert.equal(result.output('Delete')[0].read, true);
		assert.equal(result.output('Delete Again')[0].existed, false);
		const after = result.output('List After');
		assert.ok(after.length >= 1, 'the seeded notifications are still there');
		assert.ok(!after.some((notification) => notification.id === sent.id), 'the sent notification is gone');
		assert.ok(
			after.every((notification) => 'metadata' in notification),
			'Simplify off keeps metadata',
		);
		assert.equal(sandbox.count('POST', '/api/notifications/custom'), 1);
		assert.equal(sandbox.count('PATCH', /\/completed$/), 1, 'Set Completed toggled once');
		assert.equal(sandbox.count('DELETE'), 1, 'the second Delete sent nothing');
	},
};
