'use strict';
/**
 * The harness's Input node makes JSON items only. This wraps a node so that, before it runs,
 * each input item gets a binary file made by n8n's own prepareBinaryData (as a Read File node would).
 */
function withBinaryInput(node, { property = 'data', fileName, mimeType, content }) {
	return {
		description: node.description,
		methods: node.methods,
		async execute() {
			for (const item of this.getInputData()) {
				const file = await this.helpers.prepareBinaryData(Buffer.from(content), fileName, mimeType);
				item.binary = { ...item.binary, [property]: file };
			}
			return await node.execute.call(this);
		},
	};
}

module.exports = { withBinaryInput };
