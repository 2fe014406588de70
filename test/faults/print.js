'use strict';
// The fault suite's figures: a markdown table per mode, the operation types each mode hit, and why items failed.

const MAY_HAVE_BEEN_APPLIED = /may (already )?have been applied/i;

function printReport(modes, { seconds, report }) {
	console.log('');
	console.log('| Fault mode | Items sent | Succeeded | Failed, reported | Lost | Duplicated writes |');
	console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
	for (const entry of modes) {
		console.log(
			`| ${entry.mode} | ${entry.sent} | ${entry.succeeded} | ${entry.reported} | ${entry.lost} | ${entry.duplicated} |`,
		);
	}
	console.log('');
	console.log('Operation types that met the fault, per mode:');
	for (const entry of modes) {
		console.log(`  ${entry.mode.padEnd(18)} ${entry.injected} faults: ${entry.covered.join(', ') || 'none'}`);
	}
	console.log('');
	console.log('Failed items (item index within the operation) and the reason they carry:');
	for (const entry of modes) {
		const reasons = new Map();
		for (const operation of entry.operations) {
			for (const failure of operation.failures) {
				const text =
					failure.status === 'lost'
						? `LOST: ${failure.problem}`
						: `${failure.reason.replace(/http:\/\/127\.0\.0\.1:\d+/g, '<sandbox>')}${MAY_HAVE_BEEN_APPLIED.test(failure.description ?? '') ? ' (says: may have been applied)' : ''}`;
				const seen = reasons.get(text) ?? [];
				seen.push(`${operation.scenario} #${failure.item}`);
				reasons.set(text, seen);
			}
		}
		if (reasons.size === 0) continue;
		console.log(`  ${entry.mode}:`);
		for (const [text, where] of reasons) {
			const examples = where.slice(0, 3).join(', ') + (where.length > 3 ? ', …' : '');
			console.log(`    ${String(where.length).padStart(3)}× ${text}  [${examples}]`);
		}
		if (entry.unwarned > 0) {
			console.log(`    ${entry.unwarned} failed write(s) do not say the request may have been applied  <-- PROBLEM`);
		}
	}
	console.log('');
	console.log(`Report: ${report} (${seconds} s)`);
}

module.exports = { printReport };
