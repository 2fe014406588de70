'use strict';
/**
 * The harness's Input node makes JSON items only. This wraps a node so that, before it runs, input
 * items get a binary file made by n8n's own prepareBinaryData (as a Read File node would).
 *
 *   withBinaryInput(node, { content, fileName, mimeType, property })  the same file on every item
 *   withBinaryInput(node)                                             each item's `json.file` = {base64, fileName, mimeType}
 */
function withBinaryInput(node, file) {
	return {
		description: node.description,
		methods: node.methods,
		async execute() {
			for (const item of this.getInputData()) {
				const { file: fromItem, ...json } = item.json;
				const spec = file ?? (fromItem && { ...fromItem, content: Buffer.from(fromItem.base64, 'base64') });
				if (!spec) continue;
				const data = await this.helpers.prepareBinaryData(Buffer.from(spec.content), spec.fileName, spec.mimeType);
				item.json = json;
				item.binary = { ...item.binary, [spec.property ?? 'data']: data };
			}
			return await node.execute.call(this);
		},
	};
}

module.exports = { withBinaryInput };
