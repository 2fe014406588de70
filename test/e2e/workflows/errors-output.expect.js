// On Error: Continue (using error output). Failed items leave the main output for the error output,
// paired with their input (n8n merges the input's JSON in), and the next node reads our message,
// description and HTTP code from `error`.
const NODES = ['Documents', 'RAG', 'Clipboard', 'Agents', 'Notifications'];
const FAILED = { Documents: [1, 2], RAG: [1], Clipboard: [1], Agents: [1], Notifications: [1] };
const DOCS = ['d0c5eed0-0000-4000-8000-000000000002', 'd0c5eed0-0000-4000-8000-00000000dead', 'not-a-uuid'];

module.exports = {
	check(result, sandbox, assert) {
		assert.equal(result.error, undefined);
		for (const node of NODES) {
			const succeeded = [0, 1, 2, 3].filter((index) => !FAILED[node].includes(index));
			const main = result.output(node);
			assert.deepEqual(main.map((item) => item.$pairedItem), succeeded.map((item) => ({ item })), `${node} main output`);
			assert.ok(main.every((item) => item.error === undefined), `${node}: no error item in the main output`);
			const errors = result.output(node, 1);
			assert.deepEqual(errors.map((item) => item.$pairedItem), FAILED[node].map((item) => ({ item })), `${node} error output`);
			const read = result.output(`${node} Errors`);
			assert.equal(read.length, FAILED[node].length, `${node} Errors received every failed item`);
			for (const [index, item] of read.entries()) {
				assert.equal(item.doc, DOCS[FAILED[node][index]], `${node}: the input's JSON is merged in`);
				assert.ok(item.message, `${node} message`);
				assert.ok(item.description, `${node} description`);
			}
		}
		const documents = result.output('Documents Errors');
		assert.equal(documents[0].message, 'Plugged.in: Document not found');
		assert.equal(documents[0].httpCode, '404');
		assert.equal(documents[1].httpCode, null, 'a parameter error sends nothing');
		assert.equal(result.output('Clipboard Errors')[0].httpCode, '404');
		assert.equal(result.output('Agents Errors')[0].httpCode, '404');
		assert.match(result.output('Notifications Errors')[0].message, /"Message" \(message\): must not be empty/);
	},
};
