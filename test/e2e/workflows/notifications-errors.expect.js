// Continue (regular output), node version 2: a bad parameter (before sending) and a 404 become error items
// paired with their inputs, in the one shape of every On Error setting: {error: {message, description, httpCode}}.
module.exports = {
	check(result, sandbox, assert) {
		assert.equal(result.error, undefined);
		const sent = result.output('Send');
		assert.deepEqual(
			sent.map((item) => item.$pairedItem),
			[{ item: 0 }, { item: 1 }, { item: 2 }],
		);
		assert.equal(sent[0].message, 'first');
		assert.equal(sent[0].identified, true);
		assert.match(sent[1].error.message, /"Message" \(message\): must not be empty \[item 1\]/);
		assert.ok(sent[1].error.description);
		assert.equal(sent[1].error.httpCode, undefined, 'a parameter error sends nothing');
		assert.equal(sent[2].message, 'third');
		assert.equal(sandbox.count('POST', '/api/notifications/custom'), 2);
		const marked = result.output('Mark Unknown');
		assert.equal(marked.length, 3);
		assert.equal(marked[0].error.message, 'Plugged.in: Notification not found or not accessible');
		assert.equal(marked[0].error.httpCode, '404');
		assert.match(marked[1].error.message, /"not-a-uuid" is not a notification ID/);
		assert.equal(marked[2].error.message, 'Plugged.in: Notification not found or not accessible');
	},
};
