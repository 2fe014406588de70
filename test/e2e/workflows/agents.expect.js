// create (stays NEW: the sandbox cannot deploy) → NEW→PROVISIONED → first heartbeat activates → metrics → get → delete
module.exports = {
	check(result, sandbox, assert) {
		assert.equal(result.error, undefined);
		const [created] = result.output('Create');
		assert.equal(created.agent.state, 'NEW');
		assert.equal(created.agent.name, 'e2e-agent');
		assert.equal(result.output('Provision')[0].current_state, 'PROVISIONED');
		const [heartbeat] = result.output('Heartbeat');
		assert.deepEqual(heartbeat.state_transition, { from: 'PROVISIONED', to: 'ACTIVE' });
		assert.equal(result.output('Metrics')[0].message, 'Metrics recorded');
		const [detail] = result.output('Get');
		assert.equal(detail.agent.state, 'ACTIVE');
		assert.equal(detail.recentMetrics.length, 1);
		assert.equal(JSON.stringify(result.run).includes('model_router_token"'), false, 'no router token in any output');
		assert.equal(result.output('Delete')[0].message, 'Agent terminated successfully');
		assert.equal(sandbox.agents.agent(created.agent.uuid).state, 'TERMINATED');
	},
};
