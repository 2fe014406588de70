'use strict';
/**
 * The real server's three rate-limit layers (API ref §1, §8). `scale` shortens every window by the same
 * factor (0.1: a 60 s window lasts 6 s), and with it Retry-After and X-RateLimit-Reset, so tests and the
 * bench can cross many windows quickly. X-RateLimit-Reset is given in real time (the clock's test offset removed).
 */
class RateLimiter {
	clock;
	config;
	scale;
	l1 = new Map();
	l2 = new Map();
	l3 = new Map();
	constructor(clock, config = { enabled: false }, scale = 1) {
		this.clock = clock;
		this.config = config;
		this.scale = scale;
	}
	reset() {
		this.l1.clear();
		this.l2.clear();
		this.l3.clear();
	}
	/** Layer 1: every /api path but /api/auth. */
	middleware(req) {
		if (!this.config.enabled || req.path.startsWith('/api/auth')) return undefined;
		const window = this.hit(this.l1, `${req.ip}:${req.path}`, (this.config.l1WindowMs ?? 60_000) * this.scale);
		if (window.count > (this.config.l1Max ?? 100)) {
			return {
				status: 429,
				json: { error: 'Too many requests. Please try again later.', code: 'RATE_LIMIT_EXCEEDED' },
			};
		}
		return undefined;
	}
	/** Layers 2 and 3, as the route declares. */
	route(req, spec) {
		const limit = spec.limit;
		if (!this.config.enabled || !limit) return undefined;
		const now = this.clock.now();
		const windowMs = limit.windowMs * this.scale;
		if (limit.layer === 2) {
			// One counter per API key for every layer-2 route; the call that opens the window sets its length.
			const key = `api:${bearerToken(req) ?? req.ip}`;
			const window = this.opened(this.l2, key, now, windowMs);
			if (window.count >= limit.max) {
				return this.limited(window, now, limit.max, limit.message ?? 'Too many requests. Please try again later.');
			}
			window.count++;
			return undefined;
		}
		if (this.config.agentsWithoutRedis) {
			// No Redis: in-memory at half the limit, one counter per address and path whose window the opening
			// call sets (a create opens an hour), and a Retry-After of 60 s whatever the window's end.
			const window = this.opened(this.l3, `${req.ip}:${req.path}`, now, windowMs);
			const max = Math.max(1, Math.floor(limit.max / 2));
			if (window.count >= max) return this.limited(window, now, max, 'Too many requests', 60 * this.scale);
			window.count++;
			return undefined;
		}
		const window = this.hit(this.l3, `${req.ip}:${req.path}`, windowMs, true);
		if (window.count > limit.max) return this.limited(window, now, limit.max, 'Too many requests');
		return undefined;
	}
	/** The key's window, a new one (of `windowMs`) when the last has ended. */
	opened(map, key, now, windowMs) {
		let window = map.get(key);
		if (!window || now >= window.resetAt) map.set(key, (window = { count: 0, resetAt: now + windowMs }));
		return window;
	}
	limited(window, now, max, message, retryAfterSeconds) {
		const seconds = retryAfterSeconds ?? (window.resetAt - now) / 1000;
		// Whole seconds, as the server sends; a scaled window in tenths, or rounding would outweigh it.
		const retryAfter = this.scale === 1 ? Math.max(1, Math.ceil(seconds)) : Math.max(0.1, Math.ceil(seconds * 10) / 10);
		return {
			status: 429,
			json: { error: message, retryAfter },
			headers: {
				'Retry-After': String(retryAfter),
				'X-RateLimit-Limit': String(max),
				'X-RateLimit-Remaining': '0',
				'X-RateLimit-Reset': new Date(Date.now() + (window.resetAt - now)).toISOString(),
			},
		};
	}
	hit(map, key, windowMs, fixed = false) {
		const now = this.clock.now();
		let window = map.get(key);
		if (!window || now >= window.resetAt) {
			window = { count: 0, resetAt: fixed ? Math.ceil((now + 1) / windowMs) * windowMs : now + windowMs };
			map.set(key, window);
		}
		window.count++;
		return window;
	}
}
function bearerToken(req) {
	const header = req.headers.authorization;
	if (typeof header !== 'string' || !header.startsWith('Bearer ')) return undefined;
	return header.slice('Bearer '.length).trim();
}

module.exports = { RateLimiter, bearerToken };
