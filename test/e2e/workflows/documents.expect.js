// create → get → update append → search → versions → delete, on a sandbox whose delete route is on.
module.exports = {
	sandbox: { documentDeleteRoute: true },
	check(result, sandbox, assert) {
		assert.equal(result.error, undefined);
		const [created] = result.output('Create');
		assert.equal(created.title, 'E2E document');
		assert.equal(created.version, 1);
		assert.deepEqual(created.tags, ['e2e', 'suite']);
		const [fetched] = result.output('Get');
		assert.equal(fetched.id, created.id);
		assert.equal(fetched.content, 'First line from the e2e suite.');
		const [appended] = result.output('Append');
		assert.equal(appended.version, 2);
		assert.equal(sandbox.documents.all('profile-sandbox').find((doc) => doc.id === created.id) === undefined, true, 'deleted at the end');
		const found = result.output('Search');
		assert.ok(found.some((hit) => hit.id === created.id && typeof hit.relevanceScore === 'number'), 'search finds it');
		const versions = result.output('Versions');
		assert.equal(versions[0].versionNumber, 2);
		assert.equal(versions[0].changeSummary, 'e2e append');
		const [deleted] = result.output('Delete');
		assert.deepEqual(deleted.$pairedItem, { item: 0 });
	},
};
