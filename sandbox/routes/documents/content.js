'use strict';
// Document content as the server handles it: text types, sanitising, diffs, AI file names.

// ---- small helpers ------------------------------------------------------------------------------

function isTextMime(mimeType) {
	return mimeType.startsWith('text/') || mimeType === 'application/json' || mimeType === 'application/xml';
}

/** sanitize-html, roughly: scripts, frames, styles, event handlers and javascript: URLs go. */
function sanitize(content) {
	return content
		.replace(/<(script|style|iframe|object|embed)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
		.replace(/<\/?(script|style|iframe|object|embed)\b[^>]*>/gi, '')
		.replace(/\s+on[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '')
		.replace(/(href|src)\s*=\s*(["']?)\s*javascript:[^"'\s>]*\2/gi, '');
}

function contentDiff(oldContent, newContent, operation) {
	const oldSize = Buffer.byteLength(oldContent, 'utf8');
	const newSize = Buffer.byteLength(newContent, 'utf8');
	if (operation === 'replace') {
		return {
			additions: newSize,
			deletions: oldSize,
			changes: [{ type: 'replace', content: `Replaced ${oldSize} bytes with ${newSize} bytes` }],
		};
	}
	const verb = operation === 'append' ? 'Added' : 'Prepended';
	return {
		additions: newSize - oldSize,
		deletions: 0,
		changes: [{ type: operation, content: `${verb} ${newSize - oldSize} bytes` }],
	};
}

function aiFileName(at, modelName, title, format) {
	const stamp = new Date(at).toISOString().replace(/[:.]/g, '-').replace('T', '_');
	const safeModel = modelName.replace(/[^a-zA-Z0-9-_]/g, '_');
	const safeTitle = title.replace(/[^a-zA-Z0-9-_]/g, '_').substring(0, 50);
	return `${stamp}_${safeModel}_${safeTitle}.${format}`;
}

module.exports = { isTextMime, sanitize, contentDiff, aiFileName };
