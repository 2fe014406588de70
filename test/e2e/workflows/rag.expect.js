module.exports = {
	check(result, sandbox, assert) {
		assert.equal(result.error, undefined);
		const [ask] = result.output('Ask');
		assert.equal(ask.found, true);
		assert.match(ask.answer, /clipboard/i);
		const [sources] = result.output('Sources');
		assert.ok(sources.sources.length > 0);
		assert.ok(sources.sources.every((source) => /^[0-9a-f-]{36}$/.test(source.id) && source.name));
		assert.ok(sources.sources.some((source) => source.name === 'API Keys and Rate Limits'));
		assert.deepEqual(result.output('Availability').map((item) => item.available), [true]);
	},
};
