'use strict';
// Filters, sorting and the text search (Postgres' LIKE and full-text ranking, imitated).

// ---- filters, sorting, text search --------------------------------------------------------------

function matchesFilters(doc, filters) {
	const model = doc.aiMetadata?.model ?? {};
	if (filters.source && filters.source !== 'all' && doc.source !== filters.source) return false;
	if (filters.dateFrom && doc.createdAt < Date.parse(filters.dateFrom)) return false;
	if (filters.dateTo && doc.createdAt > Date.parse(filters.dateTo)) return false;
	if (filters.tags?.length && !filters.tags.some((tag) => doc.tags.includes(tag))) return false;
	if (filters.modelName && model.name !== filters.modelName) return false;
	if (filters.modelProvider && model.provider !== filters.modelProvider) return false;
	return true;
}

function sortDocuments(docs, sort) {
	const byDate = (a, b) => a.createdAt - b.createdAt || a.seq - b.seq;
	const compare = {
		date_desc: (a, b) => byDate(b, a),
		date_asc: byDate,
		title: (a, b) => a.title.localeCompare(b.title, 'en') || a.seq - b.seq,
		size: (a, b) => b.content.length - a.content.length || a.seq - b.seq,
	}[sort];
	return [...docs].sort(compare);
}

/** ILIKE: % and _ are wildcards, backslash escapes. `wrap` adds the route's surrounding %…%. */
function likeMatcher(text, wrap = true) {
	let source = '';
	const pattern = wrap ? `%${text}%` : text;
	for (let i = 0; i < pattern.length; i++) {
		const char = pattern[i];
		if (char === '\\' && i + 1 < pattern.length) source += escapeRegex(pattern[++i]);
		else if (char === '%') source += '.*';
		else if (char === '_') source += '.';
		else source += escapeRegex(char);
	}
	const regex = new RegExp(`^${source}$`, 'is');
	return (value) => regex.test(value);
}

const escapeRegex = (char) => char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const STOP_WORDS = new Set(
	(
		'a about above after again against all am an and any are as at be because been before being below between both ' +
		'but by can did do does doing down during each few for from further had has have having he her here hers him his ' +
		'how i if in into is it its itself just me more most my no nor not now of off on once only or other our ours out ' +
		'over own same she should so some such than that the their theirs them then there these they this those through ' +
		'to too under until up very was we were what when where which while who whom why will with you your yours'
	).split(' '),
);

/** A rough english stemmer: enough for "documents" to find "document" as Postgres' english config does. */
function stem(word) {
	if (word.length <= 3) return word;
	for (const [suffix, keep] of [
		['ies', 'y'],
		['sses', 'ss'],
		['ing', ''],
		['ed', ''],
		['es', ''],
		['s', ''],
	]) {
		if (word.endsWith(suffix) && !word.endsWith('ss') && word.length - suffix.length >= 3) {
			return word.slice(0, -suffix.length) + keep;
		}
	}
	return word;
}

function toTsVector(text) {
	return (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((word) => !STOP_WORDS.has(word)).map(stem);
}

function plainToTsQuery(query) {
	return [...new Set(toTsVector(query))];
}

/** In the range of Postgres' ts_rank (0.0607927 for one hit of one term). */
function tsRank(words, lexemes) {
	if (lexemes.length === 0) return 0;
	const hits = lexemes.map((lexeme) => words.filter((word) => word === lexeme).length);
	if (hits.some((count) => count === 0)) return 0;
	return (0.0607927 * hits.reduce((sum, count) => sum + Math.min(count, 3), 0)) / lexemes.length;
}

module.exports = { matchesFilters, sortDocuments, likeMatcher, toTsVector, plainToTsQuery, tsRank };
