import type { IDataObject } from 'n8n-workflow';

import { parseJsonObject } from '../../../shared/json';
import type { Operation } from '../../../shared/operations';
import { withoutSecrets } from '../../../shared/resources/agents';
import { failInvalid, readParameters, validate } from '../../../shared/validate';
import { agentRequest } from '../../request';
import { CREATE_FIELDS, CREATE_OPTIONS, createSchema, explainCreate } from './fields';
import { envOverridesProblem, resourcesProblem } from './policy';

export const create: Operation = {
	option: { name: 'Create', value: 'create', description: 'Create a PAP agent', action: 'Create an agent' },
	fields: CREATE_FIELDS,
	options: CREATE_OPTIONS,
	async execute(call) {
		const { ctx, node, itemIndex } = call;
		const params = readParameters(call.ctx, call.itemIndex, {
			name: '',
			deployFrom: 'image',
			resources: {},
			additionalFields: {},
		});
		// Only the source chosen in Deploy From is shown, and read.
		const source = params.deployFrom === 'template' ? 'templateId' : 'image';
		params[source] = ctx.getNodeParameter(source, itemIndex, '');
		const checkImage = ctx.getNodeParameter('options.checkImageRegistry', itemIndex, true) as boolean;
		const input = validate(node, createSchema(checkImage), params, itemIndex);

		const { cpuRequest, cpuLimit, memoryRequest, memoryLimit } = input.resources;
		const resources = {
			cpu_request: cpuRequest,
			cpu_limit: cpuLimit,
			memory_request: memoryRequest,
			memory_limit: memoryLimit,
		};
		const resourceProblem = resourcesProblem(resources);
		if (resourceProblem)
			failInvalid(node, `"Resources" (${resourceProblem.field}): ${resourceProblem.message}`, itemIndex);
		const extra = input.additionalFields;
		const env = parseJsonObject(node, 'envOverrides', extra.envOverrides, itemIndex);
		const envProblem = env && envOverridesProblem(env);
		if (envProblem) failInvalid(node, `"Environment Overrides" (envOverrides): ${envProblem}`, itemIndex);

		const body: IDataObject = {
			name: input.name,
			...(input.deployFrom === 'template' ? { template_uuid: input.templateId } : { image: input.image }),
			description: extra.description || undefined,
			access_level: extra.accessLevel,
			resources: Object.values(resources).some(Boolean) ? JSON.parse(JSON.stringify(resources)) : undefined,
			env_overrides: env,
			config_values: parseJsonObject(node, 'configValues', extra.configValues, itemIndex),
		};
		const created = await agentRequest(call, { method: 'POST', path: '/api/agents', body }, explainCreate(input.name));
		return withoutSecrets(created);
	},
};
