'use strict';
/**
 * Runs our nodes through n8n-core's real engine, in-process: real parameter resolution and
 * expressions, real httpRequestWithAuthentication, real credential authentication (the
 * credential class's `authenticate` block), against the sandbox on loopback.
 *
 *   const run = await runNode(new PluggedInDocuments(), { operation: 'get', ... }, { items, credentials })
 *   run.items     output items of the node (first output)
 *   run.errorItems  items on the error output (onError: 'continueErrorOutput')
 *   run.error     the execution's error (a node that stopped without Continue On Fail)
 */
const { ExecutionLifecycleHooks, PollContext, WorkflowExecute } = require('n8n-core');
const { ICredentialsHelper, NodeHelpers, Workflow } = require('n8n-workflow');
const { PluggedInApi } = require('../../credentials/PluggedInApi.credentials');

const credentialType = new PluggedInApi();

/** A start node that emits the items given in its parameters. */
class InputNode {
	description = {
		displayName: 'Input',
		name: 'input',
		group: ['input'],
		version: 1,
		description: 'Test input',
		defaults: { name: 'Input' },
		inputs: [],
		outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	};
	async execute() {
		const items = this.getNodeParameter('items', 0);
		return [items.map((json, item) => ({ json, pairedItem: { item } }))];
	}
}

class CredentialsHelper extends ICredentialsHelper {
	constructor(credentials) {
		super();
		this.credentials = credentials;
	}
	isCredentialUsableByNode() {
		return true;
	}
	getParentTypes() {
		return [];
	}
	async authenticate(credentials, _type, requestOptions, workflow, node) {
		const additionalKeys = { $credentials: credentials };
		for (const [outerKey, entries] of Object.entries(credentialType.authenticate.properties)) {
			for (const [key, value] of Object.entries(entries)) {
				const resolved = workflow.expression.getSimpleParameterValue(
					node,
					value,
					'internal',
					additionalKeys,
					undefined,
					'',
				);
				requestOptions[outerKey] = { ...(requestOptions[outerKey] ?? {}), [key]: resolved };
			}
		}
		return requestOptions;
	}
	async preAuthentication() {
		return undefined;
	}
	async getCredentials() {
		return { getData: () => this.credentials };
	}
	async getDecrypted() {
		return { ...this.credentials };
	}
	async updateCredentials() {}
	async updateCredentialsOauthTokenData() {}
	getCredentialsProperties() {
		return credentialType.properties;
	}
}

/** The version n8n gives a new node of this type. */
function defaultVersion(nodeType) {
	const { version, defaultVersion: preferred } = nodeType.description;
	return preferred ?? (Array.isArray(version) ? Math.max(...version) : version);
}

function nodeTypesFor(types) {
	return {
		getByName: (name) => types[name],
		getByNameAndVersion: (name) => NodeHelpers.getVersionedNodeType(types[name]),
		getKnownTypes: () => ({}),
	};
}

/**
 * @param {object} nodeType        an instance of one of our node classes
 * @param {object} parameters      the node's parameters, as in workflow JSON
 * @param {object} [options]
 * @param {object[]} [options.items]           input items (json), default one empty item
 * @param {{apiKey: string, baseUrl: string}} options.credentials
 * @param {boolean} [options.continueOnFail]   On Error: Continue (regular output)
 * @param {string} [options.onError]           or any On Error setting, e.g. 'continueErrorOutput'
 * @param {string} [options.mode]              'manual' (default) or 'trigger'
 * @param {number} [options.typeVersion]       the node version the workflow saved (default: the node's default)
 */
async function runNode(nodeType, parameters, options) {
	const items = options.items ?? [{}];
	const types = { 'test.input': new InputNode(), 'test.subject': nodeType };
	const nodes = [
		{ id: 'in', name: 'Input', type: 'test.input', typeVersion: 1, position: [0, 0], parameters: { items } },
		{
			id: 'node',
			name: 'Subject',
			type: 'test.subject',
			typeVersion: options.typeVersion ?? defaultVersion(nodeType),
			position: [200, 0],
			parameters,
			credentials: { pluggedInApi: { id: '1', name: 'Plugged.in' } },
			...(options.onError || options.continueOnFail ? { onError: options.onError ?? 'continueRegularOutput' } : {}),
		},
	];
	const connections = { Input: { main: [[{ node: 'Subject', type: 'main', index: 0 }]] } };
	const workflow = new Workflow({
		id: 'test',
		name: 'test',
		nodes,
		connections,
		active: false,
		nodeTypes: nodeTypesFor(types),
		settings: {},
		staticData: options.staticData ?? {},
	});
	const mode = options.mode ?? 'manual';
	const hooks = new ExecutionLifecycleHooks(mode, 'test-execution', { id: 'test', name: 'test', nodes, connections });
	const additionalData = {
		credentialsHelper: new CredentialsHelper(options.credentials),
		hooks,
		executionId: undefined,
		encryptedRunnerIdentity: undefined,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		currentNodeParameters: undefined,
		executionTimeoutTimestamp: undefined,
		userId: 'user',
		variables: {},
		logAiEvent: () => {},
		setExecutionStatus: () => {},
		getRunExecutionData: async () => undefined,
	};
	const run = await new WorkflowExecute(additionalData, mode).run({ workflow, startNode: workflow.getNode('Input') });
	const nodeRun = run.data.resultData.runData.Subject?.[0];
	return {
		items: nodeRun?.data?.main?.[0] ?? [],
		/** The error output's items (On Error: Continue (using error output)). */
		errorItems: nodeRun?.data?.main?.[1] ?? [],
		error: run.data.resultData.error ?? nodeRun?.error,
		run,
	};
}

/**
 * Runs a polling trigger's poll() once through n8n-core's real PollContext: real parameters, real
 * httpRequestWithAuthentication, real getWorkflowStaticData('node') (kept in `staticData`, the
 * workflow's static data object, which the poll mutates as n8n's would).
 *
 *   const run = await pollNode(new PluggedInTrigger(), { event: 'documentCreated' }, { credentials, staticData })
 *   run.items      the emitted items of the first output ([] when poll() returned null)
 *   run.result     what poll() returned
 *   run.error      what poll() threw (n8n reports it; in manual mode the UI shows it)
 *
 * @param {object} nodeType
 * @param {object} parameters
 * @param {object} options
 * @param {{apiKey: string, baseUrl: string}} options.credentials
 * @param {object} [options.staticData]   the workflow's static data (default {}); the node's part is under `node:Trigger`
 * @param {'trigger'|'manual'} [options.mode]  'trigger' (default: an active workflow) or 'manual' (Fetch Test Event)
 */
async function pollNode(nodeType, parameters, options) {
	const mode = options.mode ?? 'trigger';
	const staticData = options.staticData ?? {};
	const node = {
		id: 'trigger',
		name: 'Trigger',
		type: 'test.subject',
		typeVersion: defaultVersion(nodeType),
		position: [0, 0],
		parameters,
		credentials: { pluggedInApi: { id: '1', name: 'Plugged.in' } },
	};
	const workflow = new Workflow({
		id: 'test',
		name: 'test',
		nodes: [node],
		connections: {},
		active: mode === 'trigger',
		nodeTypes: nodeTypesFor({ 'test.subject': nodeType }),
		settings: {},
		staticData,
	});
	const hooks = new ExecutionLifecycleHooks(mode, 'test-execution', {
		id: 'test',
		name: 'test',
		nodes: [node],
		connections: {},
	});
	const additionalData = {
		credentialsHelper: new CredentialsHelper(options.credentials),
		hooks,
		executionId: undefined,
		encryptedRunnerIdentity: undefined,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		currentNodeParameters: undefined,
		executionTimeoutTimestamp: undefined,
		userId: 'user',
		variables: {},
	};
	const context = new PollContext(
		workflow,
		workflow.getNode('Trigger'),
		additionalData,
		mode,
		mode === 'manual' ? 'manual' : 'activate',
	);
	try {
		const result = await nodeType.poll.call(context);
		return { items: result?.[0] ?? [], result, error: undefined, staticData };
	} catch (error) {
		return { items: [], result: undefined, error, staticData };
	}
}

module.exports = { pollNode, runNode };
