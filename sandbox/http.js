'use strict';
class BadJson extends Error {}
class Router {
	routes = [];
	get(path, spec, handler) {
		this.add('GET', path, spec, handler);
	}
	post(path, spec, handler) {
		this.add('POST', path, spec, handler);
	}
	patch(path, spec, handler) {
		this.add('PATCH', path, spec, handler);
	}
	delete(path, spec, handler) {
		this.add('DELETE', path, spec, handler);
	}
	add(method, path, spec, handler) {
		const keys = [];
		const source = path.replace(/:([a-zA-Z]+)/g, (_, key) => {
			keys.push(key);
			return '([^/]+)';
		});
		this.routes.push({ method, pattern: new RegExp(`^${source}/?$`), keys, spec, handler });
	}
	/** The route for a method and path; `methodNotAllowed` when only other methods match (405). */
	match(method, path) {
		let pathKnown = false;
		for (const route of this.routes) {
			const found = route.pattern.exec(path);
			if (!found) continue;
			pathKnown = true;
			if (route.method !== method) continue;
			const params = {};
			route.keys.forEach((key, i) => (params[key] = decodeURIComponent(found[i + 1])));
			return { route, params, methodNotAllowed: false };
		}
		return { params: {}, methodNotAllowed: pathKnown };
	}
}
const json = (status, body, headers) => ({
	status,
	json: body,
	headers,
});
const error = (status, message, extra = {}) => json(status, { error: message, ...extra });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

module.exports = { BadJson, Router, json, error, UUID };
