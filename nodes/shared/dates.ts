/**
 * Timestamps out of Plugged.in come as ISO with Z, ISO with +00:00 and microseconds, or database
 * text ("2026-11-30 05:50:45.145756+00" from clipboard push/pop). Dates into it must be UTC ISO with Z.
 */

/** Any date the server or an n8n date picker gives → ISO 8601 UTC with Z; undefined when unreadable. */
export function toIsoZ(value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
	// NaN, ±Infinity and numbers beyond year 275760 make no Date.
	if (typeof value === 'number') return toIsoZ(new Date(value));
	if (typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		// A Luxon DateTime from an expression such as {{ $now }}.
		return toIsoZ((value as { toISO: () => string }).toISO());
	}
	let text = String(value).trim();
	// Database text: "YYYY-MM-DD HH:MM:SS.ffffff+00" → ISO.
	text = text.replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, '$1T$2').replace(/([+-]\d{2})$/, '$1:00');
	// More than millisecond precision is more than Date reads reliably.
	text = text.replace(/(\.\d{3})\d+/, '$1');
	// A date picker without a zone means UTC here (n8n's own pickers send an offset).
	if (/^\d{4}-\d{2}-\d{2}$/.test(text)) text += 'T00:00:00Z';
	const time = Date.parse(text);
	return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** Timestamp fields (by name) of an object rewritten to ISO Z; other fields untouched. */
export function normaliseTimestamps<T extends object>(value: T, fields: readonly string[]): T {
	const out = { ...value } as Record<string, unknown>;
	for (const field of fields) {
		if (field in out && out[field] !== null) out[field] = toIsoZ(out[field]) ?? out[field];
	}
	return out as T;
}
