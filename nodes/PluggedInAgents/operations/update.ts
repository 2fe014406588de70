import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { jsonField } from '../../shared/fields';
import { parseJsonObject } from '../../shared/json';
import type { Operation } from '../../shared/operations';
import { agentPath, withoutSecrets } from '../../shared/resources/agents';
import { failInvalid, validate } from '../../shared/validate';
import { ACCESS_LEVEL_OPTIONS, AGENT_LOCATOR, readAgentId } from '../fields';
import { agentRequest } from '../request';

const schema = z.object({ accessLevel: z.enum(['PRIVATE', 'PUBLIC']).optional(), metadata: z.unknown() });

export const update: Operation = {
	option: {
		name: 'Update',
		value: 'update',
		description: "Change an agent's access level or metadata",
		action: 'Update an agent',
	},
	fields: [
		AGENT_LOCATOR,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Access Level',
					name: 'accessLevel',
					type: 'options',
					options: ACCESS_LEVEL_OPTIONS,
					default: 'PRIVATE',
				},
				jsonField(
					'metadata',
					'Metadata',
					"JSON object merged into the agent's metadata (top-level keys replace existing ones; 64 KB at most)",
				),
			],
		},
	],
	async execute(call) {
		const { ctx, node, itemIndex } = call;
		const agentId = readAgentId(call);
		const fields = validate(node, schema, ctx.getNodeParameter('updateFields', itemIndex, {}), itemIndex);
		const metadata = parseJsonObject(node, 'metadata', fields.metadata, itemIndex);
		if (metadata && JSON.stringify(metadata).length > 65536) {
			failInvalid(node, '"Metadata" (metadata): is larger than 64 KB', itemIndex);
		}
		const body: IDataObject = { access_level: fields.accessLevel, metadata };
		if (body.access_level === undefined && body.metadata === undefined) {
			failInvalid(node, '"Update Fields" (updateFields): add Access Level or Metadata', itemIndex);
		}
		const updated = await agentRequest(call, {
			method: 'PATCH',
			path: agentPath(agentId),
			body,
			resource: `agent ${agentId}`,
		});
		return withoutSecrets(updated);
	},
};
