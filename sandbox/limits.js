'use strict';
class RateLimiter {
	clock;
	config;
	l1 = new Map();
	l2 = new Map();
	l3 = new Map();
	constructor(clock, config = { enabled: false }) {
		this.clock = clock;
		this.config = config;
	}
	reset() {
		this.l1.clear();
		this.l2.clear();
		this.l3.clear();
	}
	/** Layer 1: every /api path but /api/auth. */
	middleware(req) {
		if (!this.config.enabled || req.path.startsWith('/api/auth')) return undefined;
		const window = this.hit(this.l1, `${req.ip}:${req.path}`, this.config.l1WindowMs ?? 60_000);
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
		let window;
		if (limit.layer === 2) {
			const token = bearerToken(req) ?? req.ip;
			const key = `api:${token}`;
			window = this.l2.get(key) ?? { count: 0, resetAt: 0 };
			if (now >= window.resetAt) window = { count: 0, resetAt: now + limit.windowMs };
			this.l2.set(key, window);
			if (window.count >= limit.max) {
				return limited(window, now, limit.max, limit.message ?? 'Too many requests. Please try again later.');
			}
			window.count++;
			return undefined;
		}
		window = this.hit(this.l3, `${req.ip}:${req.path}`, limit.windowMs, true);
		if (window.count > limit.max) return limited(window, now, limit.max, 'Too many requests');
		return undefined;
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
function limited(window, now, max, message) {
	const retryAfter = Math.max(1, Math.ceil((window.resetAt - now) / 1000));
	return {
		status: 429,
		json: { error: message, retryAfter },
		headers: {
			'Retry-After': String(retryAfter),
			'X-RateLimit-Limit': String(max),
			'X-RateLimit-Remaining': '0',
			'X-RateLimit-Reset': new Date(window.resetAt).toISOString(),
		},
	};
}
function bearerToken(req) {
	const header = req.headers.authorization;
	if (typeof header !== 'string' || !header.startsWith('Bearer ')) return undefined;
	return header.slice('Bearer '.length).trim();
}

module.exports = { RateLimiter, bearerToken };
