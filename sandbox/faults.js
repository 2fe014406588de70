'use strict';
/**
 * Fault injection: the ways a real deployment misbehaves. A fault happens "before" the route
 * runs (nothing applied) or "after" (the write is applied, then the answer is lost or broken),
 * which is what makes a blind retry of a create or push dangerous.
 */
const FAULT_MODES = ['429', '429-no-retry-after', '500', '502', '503', 'reset', 'slow', 'malformed', 'html'];
/** Faults that can only happen before the route runs (a rate limiter or a proxy answers). */
const BEFORE_ONLY = ['429', '429-no-retry-after', 'html'];
class Faults {
	config;
	random;
	scripted = [];
	injected = {};
	constructor(config = { ratios: {} }) {
		this.config = config;
		this.random = mulberry32(config.seed ?? 1);
	}
	configure(config) {
		this.config = config;
		this.random = mulberry32(config.seed ?? 1);
	}
	/** Queue faults for the next matching requests (one each), ahead of random ones. */
	script(...faults) {
		this.scripted.push(...faults);
	}
	get slowMs() {
		return this.config.slowMs ?? 5_000;
	}
	choose(method, path) {
		const index = this.scripted.findIndex(
			(fault) => (!fault.method || fault.method === method) && (!fault.path || fault.path.test(path)),
		);
		if (index >= 0) {
			const [fault] = this.scripted.splice(index, 1);
			return this.count({
				mode: fault.mode,
				phase: BEFORE_ONLY.includes(fault.mode) ? 'before' : (fault.phase ?? 'before'),
				retryAfter: fault.retryAfter,
			});
		}
		if (this.config.filter && !this.config.filter(method, path)) return undefined;
		let roll = this.random();
		for (const mode of FAULT_MODES) {
			const ratio = this.config.ratios[mode] ?? 0;
			if (roll < ratio) {
				const phase = BEFORE_ONLY.includes(mode) ? 'before' : this.random() < 0.5 ? 'before' : 'after';
				return this.count({ mode, phase, retryAfter: String(this.config.retryAfterSeconds ?? 1) });
			}
			roll -= ratio;
		}
		return undefined;
	}
	count(fault) {
		this.injected[fault.mode] = (this.injected[fault.mode] ?? 0) + 1;
		return fault;
	}
}
function mulberry32(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

module.exports = { FAULT_MODES, Faults };
