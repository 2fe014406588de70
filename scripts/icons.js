#!/usr/bin/env node
'use strict';
/**
 * Writes each node's icon (light and dark SVG) into its folder: the Plugged.in plug of
 * nodes/shared/pluggedin.svg, smaller, with a badge that tells the nodes apart on the canvas.
 * Run after changing a glyph: `node scripts/icons.js`.
 */
const fs = require('node:fs');
const path = require('node:path');

const THEMES = {
	// Light editor: dark tile, green plug (as pluggedin.svg); dark editor: light tile (as pluggedin.dark.svg).
	'': { tile: '#0E1B2C', plug: '#34D399' },
	'.dark': { tile: '#F1F5F9', plug: '#059669' },
};

/** Glyphs drawn in the tile colour on the badge, centred on (45, 45). */
const GLYPHS = {
	PluggedInDocuments: {
		file: 'documents',
		draw: (c) =>
			`<path d="M39 37h8l5 5v12H39z" fill="${c}"/><path d="M42 46h7M42 50h7" stroke-width="2" stroke="PLUG" stroke-linecap="round"/>`,
	},
	PluggedInRag: {
		file: 'rag',
		draw: (c) =>
			`<circle cx="43" cy="43" r="5.5" fill="none" stroke="${c}" stroke-width="3"/><path d="M47 47l5 5" stroke="${c}" stroke-width="3.5" stroke-linecap="round"/>`,
	},
	PluggedInClipboard: {
		file: 'clipboard',
		draw: (c) =>
			`<rect x="38.5" y="39" width="13" height="15" rx="2" fill="${c}"/><rect x="41.5" y="36" width="7" height="5" rx="1.5" fill="${c}" stroke="PLUG" stroke-width="1.5"/><path d="M41.5 46h7M41.5 50h5" stroke-width="2" stroke="PLUG" stroke-linecap="round"/>`,
	},
	PluggedInAgents: {
		file: 'agents',
		draw: (c) =>
			`<path d="M45 35v4" stroke="${c}" stroke-width="2.5" stroke-linecap="round"/><rect x="37.5" y="39.5" width="15" height="12" rx="3.5" fill="${c}"/><circle cx="42" cy="45.5" r="1.8" fill="PLUG"/><circle cx="48" cy="45.5" r="1.8" fill="PLUG"/><path d="M40 54h10" stroke="${c}" stroke-width="2.5" stroke-linecap="round"/>`,
	},
	PluggedInNotifications: {
		file: 'notifications',
		draw: (c) =>
			`<path d="M45 36a6 6 0 0 0-6 6v5l-2.5 3.5h17L51 47v-5a6 6 0 0 0-6-6z" fill="${c}"/><path d="M42.5 53a2.5 2.5 0 0 0 5 0" fill="${c}"/>`,
	},
	PluggedInTrigger: {
		file: 'trigger',
		draw: (c) => `<path d="M47 35l-9 12h6l-2 9 9-12h-6z" fill="${c}" stroke="${c}" stroke-width="1" stroke-linejoin="round"/>`,
	},
};

function icon(glyph, { tile, plug }) {
	const mark =
		`<g transform="translate(4 3) scale(0.7)">` +
		`<path d="M24 14v12M40 14v12" stroke="${plug}" stroke-width="5" stroke-linecap="round"/>` +
		`<path d="M17 26h30v8a15 15 0 0 1-30 0z" fill="${plug}"/>` +
		`<path d="M32 49v7" stroke="${plug}" stroke-width="5" stroke-linecap="round"/></g>`;
	const badge = `<circle cx="45" cy="45" r="14" fill="${plug}" stroke="${tile}" stroke-width="3"/>`;
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64">` +
		`<rect x="4" y="4" width="56" height="56" rx="14" fill="${tile}"/>${mark}${badge}${glyph.draw(tile).replaceAll('PLUG', plug)}</svg>\n`
	);
}

const root = path.resolve(__dirname, '..', 'nodes');
for (const [folder, glyph] of Object.entries(GLYPHS)) {
	for (const [suffix, theme] of Object.entries(THEMES)) {
		fs.writeFileSync(path.join(root, folder, `${glyph.file}${suffix}.svg`), icon(glyph, theme));
	}
}
