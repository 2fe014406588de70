'use strict';
/**
 * Property-based parameter fuzzing of one node, through the real engine against one sandbox per file.
 * Every parameter an operation shows (its Options collection included) gets, at random, a plausible
 * value or junk: strings, numbers (NaN, ±Infinity, 1e308), objects, arrays, null, undefined, a huge
 * string. Each run must end in success, a NodeApiError from a request that reached the server, or a
 * NodeOperationError; a rejection before any request must name a parameter, and a validation rejection
 * ("Invalid parameter") must send nothing.
 */
const fc = require('fast-check');
const { startSandbox } = require('../../sandbox/server');
const { runNode } = require('../harness/engine');

/** Plain values only: a string starting with "=" would be an n8n expression, not a value. */
const text = (maxLength = 30) => fc.string({ maxLength }).map((value) => value.replace(/^=+/, ''));
const HUGE = 'x'.repeat(3 * 1024 * 1024);
const scalar = fc.oneof(text(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));

const edgeNumber = fc.constantFrom(NaN, Infinity, -Infinity, -1, 0, 0.5, 1e21, 1e308, Number.MAX_SAFE_INTEGER + 2);

const junk = fc.oneof(
	{ arbitrary: text(60), weight: 4 },
	{ arbitrary: fc.integer(), weight: 2 },
	{ arbitrary: fc.double(), weight: 1 },
	{ arbitrary: edgeNumber, weight: 2 },
	{ arbitrary: fc.boolean(), weight: 1 },
	{ arbitrary: fc.constantFrom(null, undefined), weight: 2 },
	{ arbitrary: fc.dictionary(text(8), scalar, { maxKeys: 3 }), weight: 1 },
	{ arbitrary: fc.array(scalar, { maxLength: 4 }), weight: 1 },
	{ arbitrary: fc.constant(HUGE), weight: 1 },
);

/** Values of the shared request options that keep runs short. */
const REQUEST_OPTIONS = {
	timeout: fc.integer({ min: 1, max: 30 }),
	maxRetries: fc.integer({ min: 0, max: 2 }),
	parallel: fc.integer({ min: 1, max: 3 }),
};

const isoDate = fc
	.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) })
	.map((ms) => new Date(ms).toISOString());

/** A plausible value for a parameter of this type, or `plausible[name]` when the test gives one. */
function plausibleFor(property, plausible) {
	if (plausible[property.name]) return plausible[property.name];
	switch (property.type) {
		case 'boolean':
			return fc.boolean();
		case 'number':
			return fc.oneof(fc.integer({ min: -5, max: 500 }), fc.double({ min: -10, max: 1e6, noNaN: true }));
		case 'options':
			return fc.constantFrom(...property.options.map((option) => option.value));
		case 'multiOptions':
			return fc.subarray(property.options.map((option) => option.value));
		case 'collection':
			return collection(property.options, plausible);
		case 'json':
			return fc.oneof(fc.json({ maxDepth: 2 }), fc.dictionary(text(8), scalar, { maxKeys: 3 }));
		case 'dateTime':
			return fc.oneof(isoDate, text(20));
		case 'resourceLocator':
			return locator(fc.oneof(fc.uuid(), text(40)));
		default:
			return text(40);
	}
}

function collection(properties, plausible) {
	const model = Object.fromEntries(properties.map((property) => [property.name, valueFor(property, plausible)]));
	return fc.record(model, { requiredKeys: [] });
}

/**
 * Mostly a plausible value, else junk (numbers get edge values more often; a resource locator keeps
 * its shape, its value may be junk).
 */
function valueFor(property, plausible) {
	const value = plausibleFor(property, plausible);
	if (property.type === 'resourceLocator') {
		return value.chain((rl) => fc.oneof({ arbitrary: fc.constant(rl), weight: 3 }, locator(junk)));
	}
	if (property.type === 'number') {
		return fc.oneof(
			{ arbitrary: value, weight: 4 },
			{ arbitrary: edgeNumber, weight: 1 },
			{ arbitrary: junk, weight: 1 },
		);
	}
	return fc.oneof({ arbitrary: value, weight: 3 }, { arbitrary: junk, weight: 1 });
}

/** A resource locator parameter (list, ID or URL mode) holding `value`. */
function locator(value) {
	return fc.record({ __rl: fc.constant(true), mode: fc.constantFrom('id', 'url', 'list'), value });
}

/** The parameters an operation shows (display conditions other than the operation are ignored: hidden ones are read as absent). */
function operationFields(description, operation) {
	return description.properties.filter((property) => property.displayOptions?.show?.operation?.includes(operation));
}

/** Every name and label of the operation's parameters, nested ones included. */
function parameterWords(fields) {
	return fields.flatMap((field) => [
		field.name,
		field.displayName,
		...(field.type === 'collection' ? parameterWords(field.options) : []),
	]);
}

/**
 * A run's parameters and its input item. Each value is given either as it is, or through an
 * expression (`={{ $json.p["name"] }}`) reading it from the input item, the way expressions and AI
 * agents hand nodes values of any type (and the way n8n's check for empty required fields is passed).
 */
function runFor(description, operation, plausible) {
	const fields = operationFields(description, operation);
	const viaExpression = fc.dictionary(fc.constantFrom(...fields.map((field) => field.name)), fc.boolean());
	return fc.tuple(collection(fields, plausible), viaExpression).map(([values, expression]) => {
		const parameters = { operation };
		const fromItem = {};
		for (const [name, value] of Object.entries(values)) {
			const reference = `={{ $json.p[${JSON.stringify(name)}] }}`;
			if (!expression[name]) {
				parameters[name] = value;
			} else if (value?.__rl) {
				parameters[name] = { ...value, value: reference };
				fromItem[name] = value.value;
			} else {
				parameters[name] = reference;
				fromItem[name] = value;
			}
		}
		return { parameters, item: { p: fromItem } };
	});
}

/** A JavaScript mistake in our code, wrapped by the item loop into a NodeOperationError. */
const CRASH =
	/is not a function|Cannot read propert|Cannot convert|is not defined|is not iterable|Maximum call stack|Invalid array length|Invalid time value/;

/**
 * Fuzzes every operation of a node, one `test` per operation, all against one sandbox (seeded).
 * @param {object} options
 * @param {() => object} options.node                 a new instance of the node
 * @param {object} [options.plausible]                 arbitraries per parameter name (IDs of seeded data, …)
 * @param {Record<string, object>} [options.perOperation]  overrides of `plausible` per operation
 * @param {number} [options.runs]                      runs per operation
 */
function fuzzNode({ node, plausible = {}, perOperation = {}, runs: numRuns = 40 }) {
	const description = node().description;
	const operations = description.properties
		.find((property) => property.name === 'operation')
		.options.map((option) => option.value);
	let sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ seed: true });
	});
	afterAll(async () => {
		await sandbox.stop();
	});

	test.each(operations)('%s: any parameters end in success or a clear n8n error', async (operation) => {
		const words = parameterWords(operationFields(description, operation)).concat('operation');
		const runs = runFor(description, operation, { ...plausible, ...perOperation[operation] });
		await fc.assert(
			fc.asyncProperty(runs, async ({ parameters, item }) => {
				sandbox.log.length = 0;
				sandbox.limiter.reset();
				let run;
				try {
					run = await runNode(node(), parameters, {
						items: [item],
						credentials: { apiKey: sandbox.apiKey, baseUrl: sandbox.url },
					});
				} catch (error) {
					// n8n refuses to start a node whose required field is empty: our code never runs.
					if (error.name === 'WorkflowHasIssuesError') return;
					throw error;
				}
				checkRequests(sandbox.log);
				checkOutcome(run.error, sandbox.log.length, words);
			}),
			// FUZZ_RUNS=500 for a longer hunt; failures print the seed and path to replay them.
			{ numRuns: Number(process.env.FUZZ_RUNS) || numRuns },
		);
	});
}

/** Junk must never reach a URL as "undefined", "NaN", "[object Object]" or 1e+200. */
const SLOPPY_SEGMENT = /\/(undefined|null|NaN|-?Infinity|\[object Object\])(\/|$)|\de\+\d/;
const NUMERIC_QUERY = /[?&](limit|offset|tail|telemetryLimit)=([^&]*)/g;

function checkRequests(log) {
	for (const { method, path, query } of log) {
		const numbers = [...(query ?? '').matchAll(NUMERIC_QUERY)].filter(([, , value]) => !/^\d+$/.test(value));
		if (SLOPPY_SEGMENT.test(decodeURIComponent(path)) || numbers.length > 0) {
			throw new Error(`junk reached the request: ${method} ${path}${query}`);
		}
	}
}

function checkOutcome(error, requests, words) {
	if (!error) return;
	const problem = (what) => new Error(`${what}: ${error.name}: ${error.message} (${requests} requests sent)`);
	if (error.name !== 'NodeOperationError' && error.name !== 'NodeApiError') throw problem('not an n8n node error');
	if (CRASH.test(error.message)) throw problem('a JavaScript error inside the node');
	// The sandbox is up: an API error without a request means a parameter broke the request (a timeout of -5 s).
	if (error.name === 'NodeApiError' && requests === 0) throw problem('an API error without a request');
	if (error.name !== 'NodeOperationError') return;
	if (requests === 0 && !words.some((word) => error.message.includes(word))) {
		throw problem('rejected without naming a parameter');
	}
	if (/^Invalid parameter/.test(error.message) && requests > 0) throw problem('rejected after sending');
}

module.exports = { fc, fuzzNode, locator, REQUEST_OPTIONS, text };
