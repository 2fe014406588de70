import type { IHttpRequestMethods } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { parseBody } from './errors';
import { announcedResetAt, limitsOf, newLimitState, probeDelayMs, type LimitRule, type LimitState } from './rateLimits';

/** A limit a request counts against, with what this execution knows about it. */
export interface Counter {
	rule: LimitRule;
	state: LimitState;
}

/**
 * The server's rate-limit counters as one execution (one PluggedInApi) has met them: 'L1 <path>', 'L2'
 * (the key's), 'L3 <path>'. Requests wait here before they are sent; answers are recorded here. Lives
 * as long as the execution, never in module state.
 */
export class LimitCounters {
	private readonly byKey = new Map<string, LimitState>();

	/** The counters a request counts against: layer 1 (address + path), and layer 2 or 3 when its route has one. */
	of(method: IHttpRequestMethods, path: string): Counter[] {
		const { l1, route } = limitsOf(method, path.split('?')[0]);
		return (route ? [l1, route] : [l1]).map((rule) => {
			let state = this.byKey.get(rule.key);
			if (!state) this.byKey.set(rule.key, (state = newLimitState()));
			return { rule, state };
		});
	}

	/** When a counter lets the next request through: after a 429's reset, or after the learned window once its budget is sent. */
	private readyAt({ state }: Counter, now: number): number {
		const { budget, windowMs, windowStart } = state;
		const windowEnd = windowMs !== undefined && windowStart !== undefined ? windowStart + windowMs : undefined;
		const paced = budget !== undefined && windowEnd !== undefined && now < windowEnd && state.sent >= budget;
		// While the window's end is being found, one request asks at a time; the others look again shortly.
		const probed = state.probing && state.probeInFlight ? now + 50 : 0;
		return Math.max(state.pausedUntil, paced ? windowEnd : 0, probed);
	}

	/**
	 * Sleeps until every counter of the request allows it, then counts the request as sent (in the same
	 * step, so parallel items cannot all pass a budget's last place); fails at once when the wait would go
	 * past Max Rate-Limit Wait.
	 */
	async waitFor(
		counters: Counter[],
		waitedBefore: number,
		maxWaitMs: number,
		tooLong: (holding: Counter, until: number, waitedMs: number) => Error,
	): Promise<{ waited: number; probing: LimitState[] }> {
		let waited = 0;
		for (;;) {
			const now = Date.now();
			let until = now;
			let holding: Counter | undefined;
			for (const counter of counters) {
				const ready = this.readyAt(counter, now);
				if (ready > until) [until, holding] = [ready, counter];
			}
			if (!holding) return { waited, probing: this.countSent(counters) };
			if (waitedBefore + waited + (until - now) > maxWaitMs) throw tooLong(holding, until, waitedBefore + waited);
			await sleep(until - now);
			waited += Date.now() - now;
		}
	}

	/** Returns the counters this request probes (their window's end is being looked for). */
	private countSent(counters: Counter[]): LimitState[] {
		const now = Date.now();
		const probing: LimitState[] = [];
		for (const { state } of counters) {
			const { windowMs, windowStart } = state;
			if (windowStart !== undefined && windowMs !== undefined && now >= windowStart + windowMs) {
				state.windowStart = undefined;
			}
			if (state.windowStart === undefined) [state.windowStart, state.sent, state.succeeded] = [now, 0, 0];
			state.sent++;
			if (state.probing) {
				state.probeInFlight = true;
				probing.push(state);
			}
		}
		return probing;
	}

	/** The server took the request (any answer but 429): a counter that was being probed has opened a new window. */
	accepted(counters: Counter[]): void {
		const now = Date.now();
		for (const { state } of counters) {
			if (state.probing) {
				state.probing = false;
				if (state.learning && state.windowStart !== undefined) {
					[state.windowMs, state.budget] = [now - state.windowStart, state.succeeded];
					[state.windowStart, state.sent, state.succeeded] = [now, 1, 0];
				}
			}
			state.succeeded++;
		}
	}

	/**
	 * Records a 429 on the counter that gave it and pauses that counter: until the announced reset (the later
	 * of Retry-After and X-RateLimit-Reset), or, without one (layer 1 says nothing), for a short probe.
	 * Returns whether a reset was announced.
	 */
	refused(counters: Counter[], headers: Record<string, string>, raw: Buffer, probes: number): boolean {
		const now = Date.now();
		const parsed = parseBody(raw, headers['content-type']);
		const body = parsed.kind === 'json' ? parsed.value : undefined;
		const resetAt = announcedResetAt(headers, body, now);
		const [l1, route] = counters;
		if (resetAt === undefined || !route) {
			const { state, rule } = l1;
			state.refusal = { rule, limit: rule.max, resetAt };
			if (resetAt !== undefined) {
				state.pausedUntil = Math.max(state.pausedUntil, resetAt, now + 100);
				return true;
			}
			// Only a refusal after this execution's own full budget tells the window's length.
			if (!state.probing) [state.probing, state.learning] = [true, state.succeeded >= rule.max];
			state.pausedUntil = Math.max(state.pausedUntil, now + probeDelayMs(probes));
			return false;
		}
		// Layer 1 let it through; the route's limit (layer 2 or 3) refused it.
		l1.state.succeeded++;
		const { state, rule } = route;
		const limit = Number(headers['x-ratelimit-limit']);
		if (limit > 0) state.budget = limit;
		if (state.windowStart !== undefined && resetAt > state.windowStart) state.windowMs = resetAt - state.windowStart;
		state.windowStart = undefined;
		state.refusal = { rule, limit: limit > 0 ? limit : rule.max, resetAt };
		state.pausedUntil = Math.max(state.pausedUntil, resetAt, now + 100);
		return true;
	}
}
