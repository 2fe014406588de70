'use strict';
/** Pure helpers of the Documents node: dates, file names, MIME types. */
const { fileNameFromDisposition } = require('../../nodes/PluggedInDocuments/operations/download');
const { readDate } = require('../../nodes/PluggedInDocuments/parameters');
const { queryString } = require('../../nodes/shared/resources/documents');
const { isTextualMimeType } = require('../../nodes/PluggedInDocuments/output');

const node = { name: 'Plugged.in Documents' };
const field = { name: 'dateFrom', label: 'Created After' };

test('dates: zoned values as they are, wall-clock values in the given zone, DST included', () => {
	const read = (value, zone = 'Europe/Berlin') => readDate(node, field, value, zone, 0);
	expect(read('2026-07-01T10:00:00Z')).toBe('2026-07-01T10:00:00.000Z');
	expect(read('2026-07-01T10:00:00-04:00')).toBe('2026-07-01T14:00:00.000Z');
	expect(read('2026-07-01T10:00:00')).toBe('2026-07-01T08:00:00.000Z');
	expect(read('2026-01-01T10:00')).toBe('2026-01-01T09:00:00.000Z');
	expect(read('2026-01-01')).toBe('2025-12-31T23:00:00.000Z');
	expect(read('2026-03-29T03:30:00')).toBe('2026-03-29T01:30:00.000Z');
	expect(read({ toISO: () => '2026-07-01T10:00:00.000+02:00' })).toBe('2026-07-01T08:00:00.000Z');
	expect(read('')).toBeUndefined();
	expect(() => read('soon')).toThrow('Invalid parameter "Created After" (dateFrom): "soon" is not a date [item 0]');
});

test('Content-Disposition: RFC 5987 first, then the plain form', () => {
	expect(fileNameFromDisposition("attachment; filename*=UTF-8''R%C3%A9sum%C3%A9%202026.pdf")).toBe('Résumé 2026.pdf');
	expect(fileNameFromDisposition('attachment; filename="report final.pdf"')).toBe('report final.pdf');
	expect(fileNameFromDisposition('attachment; filename=plain.txt')).toBe('plain.txt');
	expect(fileNameFromDisposition('inline')).toBeUndefined();
	expect(fileNameFromDisposition(undefined)).toBeUndefined();
});

test('query strings repeat list keys and skip empty values', () => {
	expect(queryString({ tags: ['a b', 'c'], limit: 5, searchQuery: undefined, source: '' })).toBe(
		'?tags=a%20b&tags=c&limit=5',
	);
	expect(queryString({})).toBe('');
});

test('textual MIME types', () => {
	for (const type of [
		'text/markdown',
		'application/json',
		'application/ld+json',
		'image/svg+xml',
		'application/x-yaml',
	]) {
		expect(isTextualMimeType(type)).toBe(true);
	}
	for (const type of ['application/pdf', 'image/png', 'application/octet-stream', undefined]) {
		expect(isTextualMimeType(type)).toBe(false);
	}
});
