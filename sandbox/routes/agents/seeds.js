'use strict';
// The seeded agents' fixed ids and the marketplace templates (always present: they are not per profile).

/** Fixed ids of the seeded agents, for tests and demos. */
const SEEDED = {
	active: '0a9e6f10-5c1d-4c59-9b8e-7a1d2c3b4e01',
	provisioned: '0a9e6f10-5c1d-4c59-9b8e-7a1d2c3b4e02',
	terminated: '0a9e6f10-5c1d-4c59-9b8e-7a1d2c3b4e03',
};
/** Marketplace templates: always present (they are not per profile). */
const TEMPLATES = [
	{
		uuid: 'f7c1b7a2-3d4e-4f50-8a6b-9c0d1e2f3a01',
		namespace: 'veriteknik',
		name: 'compass',
		version: '1.2.0',
		display_name: 'Compass',
		description: 'Research agent that answers with sources',
		docker_image: 'ghcr.io/veriteknik/compass-agent:latest',
		container_port: 3000,
		health_endpoint: '/health',
		category: 'research',
		tags: ['ai', 'research'],
		is_verified: true,
		is_featured: true,
		configurable: { model: 'string', temperature: 'number', max_sources: 'number' },
	},
	{
		uuid: 'f7c1b7a2-3d4e-4f50-8a6b-9c0d1e2f3a02',
		namespace: 'veriteknik',
		name: 'focus',
		version: '0.9.1',
		display_name: 'Focus',
		description: 'Keeps a to-do list and nudges you',
		docker_image: 'ghcr.io/veriteknik/focus-agent:0.9.1',
		container_port: 8080,
		health_endpoint: '/healthz',
		category: 'productivity',
		tags: ['productivity'],
		is_verified: false,
		is_featured: false,
		configurable: { timezone: 'string' },
	},
];

module.exports = { SEEDED, TEMPLATES };
