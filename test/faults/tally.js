'use strict';
/**
 * What became of each input item of a run with Continue On Fail: succeeded (its outputs, all right),
 * reported (one error item, paired with it, with a reason) or lost (neither, or a mix, or wrong outputs).
 */

const ERROR_FIELDS = ['description', 'httpCode'];
/** The words a failed write must carry when the server may have applied it. */
const MAY_HAVE_BEEN_APPLIED = /may (already )?have been applied/i;

/**
 * The two error item shapes of the item loop: version 2 nodes give `{error: {message, description?, httpCode?}}`
 * (in both Continue modes), version 1 nodes in Continue (regular output) the flat `{error: message, description?,
 * httpCode?}`. Anything else is not an error item.
 */
function isNestedErrorItem(json) {
	const { error } = json;
	return (
		Object.keys(json).length === 1 &&
		typeof error === 'object' &&
		error !== null &&
		typeof error.message === 'string' &&
		Object.keys(error).every((key) => key === 'message' || ERROR_FIELDS.includes(key))
	);
}

function isFlatErrorItem(json) {
	return (
		typeof json.error === 'string' && Object.keys(json).every((key) => key === 'error' || ERROR_FIELDS.includes(key))
	);
}

function isErrorItem(json) {
	return isNestedErrorItem(json) || isFlatErrorItem(json);
}

/** An error item's message, description and httpCode, whichever shape it has. */
function errorFields(json) {
	if (isNestedErrorItem(json)) {
		const { message, description, httpCode } = json.error;
		return { message, description, httpCode };
	}
	const { error: message, description, httpCode } = json;
	return { message, description, httpCode };
}

function pairedIndex(item) {
	const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
	return typeof paired === 'number' ? paired : paired?.item;
}

/**
 * @param {{items: object[], error?: Error}} run   what the engine harness returned
 * @param {number} count                           input items of the run
 * @param {{verify: (json: object, index: number) => boolean, expectedOutputs?: number}} plan
 * @param {number} offset                          index of the run's first item among all the scenario's items
 * @returns {{status: 'succeeded'|'reported'|'lost', reason?: string, description?: string, httpCode?: string, problem?: string}[]}
 */
function classifyRun(run, count, plan, offset = 0) {
	const perItem = Array.from({ length: count }, () => ({ successes: [], errors: [] }));
	for (const item of run.items) {
		const index = pairedIndex(item);
		const slot = perItem[index];
		if (!slot) continue; // unpaired output: its item shows up as lost below
		if (isErrorItem(item.json)) slot.errors.push(errorFields(item.json));
		else slot.successes.push(item.json);
	}
	const expectedOutputs = plan.expectedOutputs ?? 1;
	return perItem.map(({ successes, errors }, index) => {
		if (errors.length === 1 && successes.length === 0 && errors[0].message.trim() !== '') {
			const { message, description, httpCode } = errors[0];
			return { status: 'reported', reason: message, description, httpCode };
		}
		if (errors.length === 0 && successes.length === expectedOutputs) {
			const wrong = successes.find((json) => !plan.verify(json, offset + index));
			if (!wrong) return { status: 'succeeded' };
			return { status: 'lost', problem: `wrong output ${JSON.stringify(wrong).slice(0, 200)}` };
		}
		const problem =
			successes.length + errors.length === 0
				? `no output${run.error ? ` (the node stopped: ${run.error.message})` : ''}`
				: `${successes.length} outputs and ${errors.length} error items`;
		return { status: 'lost', problem };
	});
}

/** Writes applied more than once: the sum, over markers, of applications beyond the first. */
function duplicatedWrites(applied) {
	let duplicated = 0;
	for (const count of applied.values()) duplicated += Math.max(0, count - 1);
	return duplicated;
}

/**
 * A failed write whose request may have reached the server (a 5xx, a lost connection, a timeout, a
 * broken answer) must say it may have been applied, so nobody runs it again blindly.
 */
function warnsMaybeApplied(outcome) {
	const clientError = /^4\d\d$/.test(outcome.httpCode ?? '');
	return clientError || MAY_HAVE_BEEN_APPLIED.test(outcome.description ?? '');
}

module.exports = { classifyRun, duplicatedWrites, isErrorItem, warnsMaybeApplied };
