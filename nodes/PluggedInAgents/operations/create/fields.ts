import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { jsonField } from '../../../shared/fields';
import { UUID } from '../../../shared/resources/ids';
import { ACCESS_LEVEL_OPTIONS } from '../../fields';
import type { Explain } from '../../request';
import { agentNameProblem, imageProblem, normaliseAgentName } from './policy';

const quantityField = (
	displayName: string,
	name: string,
	placeholder: string,
	description: string,
): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	placeholder,
	description,
});

/** What Create asks for: the name, a template or an image, then optional settings. */
export const CREATE_FIELDS: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'my-agent',
		description:
			'DNS label of the agent (2-63 lowercase letters, digits and hyphens), reachable at &lt;name&gt;.is.plugged.in. Names are global across all Plugged.in users and never freed, even after deletion.',
	},
	{
		displayName: 'Deploy From',
		name: 'deployFrom',
		type: 'options',
		options: [
			{ name: 'Container Image', value: 'image', description: 'An official or allowed container image' },
			{ name: 'Template', value: 'template', description: 'A template of the Plugged.in marketplace' },
		],
		default: 'image',
	},
	{
		displayName: 'Template ID',
		name: 'templateId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'f7c1b7a2-3d4e-4f50-8a6b-9c0d1e2f3a01',
		description: 'UUID of a marketplace template (GET /api/agents/templates lists them)',
		displayOptions: { show: { deployFrom: ['template'] } },
	},
	{
		displayName: 'Image',
		name: 'image',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'nginx:alpine',
		description:
			'An official Docker Hub image (e.g. nginx:alpine), or one under library/, docker.io/library/, nginxinc/, ghcr.io/veriteknik/ or ghcr.io/pluggedin/',
		displayOptions: { show: { deployFrom: ['image'] } },
	},
	{
		displayName: 'Resources',
		name: 'resources',
		type: 'collection',
		placeholder: 'Add Resource',
		default: {},
		description: 'CPU and memory in Kubernetes notation; at most 8 cores and 16Gi, each request at most its limit',
		options: [
			quantityField('CPU Limit', 'cpuLimit', '1000m', 'At most 8 cores, e.g. 1000m or 2'),
			quantityField('CPU Request', 'cpuRequest', '100m', 'e.g. 100m or 0.5'),
			quantityField('Memory Limit', 'memoryLimit', '1Gi', 'At most 16Gi, e.g. 1Gi'),
			quantityField('Memory Request', 'memoryRequest', '256Mi', 'e.g. 256Mi'),
		],
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
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
				'configValues',
				'Config Values',
				"Settings for the template, as a JSON object (checked against the template's schema)",
			),
			{ displayName: 'Description', name: 'description', type: 'string', default: '' },
			jsonField(
				'envOverrides',
				'Environment Overrides',
				'Environment variables for the agent as a JSON object, e.g. {"LOG_LEVEL": "debug"}. Keys are POSIX names; PORT, PATH and keys starting with PAP_, PLUGGEDIN_ or AGENT_ are reserved.',
			),
		],
	},
];

export const CREATE_OPTIONS: INodeProperties[] = [
	{
		displayName: 'Check Image Registry',
		name: 'checkImageRegistry',
		type: 'boolean',
		default: true,
		description:
			"Whether to check the image against Plugged.in's registry allow-list before sending. Turn off for a self-hosted server that allows more registries (PAP_ALLOWED_IMAGE_REGISTRIES).",
	},
];

const NAMES_ARE_GLOBAL =
	'Agent names are global across all Plugged.in users and are never freed: a deleted agent stays as TERMINATED and keeps its name. Choose another name.';

/** Create's errors in words: a reused name comes back as a bare 500, a full quota as 403. */
export function explainCreate(name: string): Explain {
	return (status, body) => {
		if (status === 500 && body.error === 'Failed to create agent') {
			return {
				message: `Plugged.in could not create agent "${name}": the name is probably taken`,
				description: `${NAMES_ARE_GLOBAL} Deleted agents also still count against the quota of 10 agents. (Plugged.in answered 500 "Failed to create agent"; the request was not repeated.)`,
			};
		}
		if (status === 409) return { description: NAMES_ARE_GLOBAL };
		const quota = body.quota as { max_agents?: number; current_agents?: number; tier?: string } | undefined;
		if (status === 403 && quota) {
			return {
				message: `Plugged.in: Agent quota exceeded (${quota.current_agents} of ${quota.max_agents} agents used, ${quota.tier} tier)`,
				description:
					'Deleted agents stay as TERMINATED and still count against the quota, so deleting agents does not make room. Reuse an existing agent, or move to a higher Plugged.in tier.',
			};
		}
		if (status === 404) return { description: 'Check the Template ID: GET /api/agents/templates lists the templates.' };
		return undefined;
	};
}

/** Turns a policy function (a problem in words, or undefined) into a zod refinement. */
const check = (problem: (value: string) => string | undefined) => (value: string, ctx: z.RefinementCtx) => {
	const message = problem(value);
	if (message) ctx.addIssue({ code: z.ZodIssueCode.custom, message });
};

const quantity = z
	.string()
	.trim()
	.optional()
	.transform((value) => value || undefined);

export const createSchema = (checkImage: boolean) =>
	z.object({
		name: z.string().transform(normaliseAgentName).superRefine(check(agentNameProblem)),
		deployFrom: z.enum(['template', 'image']),
		templateId: z.string().trim().regex(UUID, 'must be a template UUID').optional(),
		image: z
			.string()
			.trim()
			.min(1, 'is required when deploying from a container image')
			.superRefine(check((image) => (checkImage ? imageProblem(image) : undefined)))
			.optional(),
		resources: z.object({ cpuRequest: quantity, cpuLimit: quantity, memoryRequest: quantity, memoryLimit: quantity }),
		additionalFields: z
			.object({
				accessLevel: z.enum(['PRIVATE', 'PUBLIC']),
				description: z.string(),
				envOverrides: z.unknown(),
				configValues: z.unknown(),
			})
			.partial(),
	});
