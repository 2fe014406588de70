import type { IExecuteFunctions, INode } from 'n8n-workflow';

import { toIsoZ } from '../shared/dates';
import { LIBRARY_URL_PATTERN, UUID } from '../shared/resources/ids';
import { failInvalid } from '../shared/validate';

const LIBRARY_URL = new RegExp(`${LIBRARY_URL_PATTERN}(?=[/?#]|$)`);

/**
 * The Document parameter (picked from the list, an ID, or a /library/<id> URL) as a UUID.
 * Checked here because the server answers an ID that is not a UUID with a bare 500.
 */
export function readDocumentId(ctx: IExecuteFunctions, itemIndex: number): string {
	const raw = ctx.getNodeParameter('documentId', itemIndex, '') as unknown;
	const value = String(
		(typeof raw === 'object' && raw !== null ? (raw as { value?: unknown }).value : raw) ?? '',
	).trim();
	if (UUID.test(value)) return value.toLowerCase();
	const fromUrl = LIBRARY_URL.exec(value);
	if (fromUrl) return fromUrl[1].toLowerCase();
	const problem = value ? `"${value.slice(0, 80)}" is not a document ID` : 'is required';
	return failInvalid(
		ctx.getNode(),
		`"Document" (documentId): ${problem}: give a document ID (a UUID such as 3f2b9c4e-8a1d-4e5f-9b6a-0c1d2e3f4a5b) or a Plugged.in /library/<id> URL`,
		itemIndex,
	);
}

/**
 * A date parameter → UTC ISO with Z, the only form the server accepts. n8n's date picker gives
 * wall-clock time without a zone ("2026-11-30T09:00:00"), meant in the workflow's time zone;
 * expressions give ISO strings with a zone or Luxon DateTimes.
 */
export function readDate(
	node: INode,
	{ name, label }: { name: string; label: string },
	value: unknown,
	timeZone: string,
	itemIndex: number,
): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = typeof value === 'string' ? value.trim() : '';
	const wallClock = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?$/.exec(text);
	const iso = wallClock ? wallClockToUtc(wallClock[1], wallClock[2] ?? '00:00', timeZone) : toIsoZ(value);
	if (iso === undefined) {
		return failInvalid(node, `"${label}" (${name}): "${String(value)}" is not a date`, itemIndex);
	}
	return iso;
}

function wallClockToUtc(date: string, time: string, timeZone: string): string | undefined {
	const asUtc = Date.parse(`${date}T${time.length === 5 ? `${time}:00` : time}Z`);
	if (Number.isNaN(asUtc)) return undefined;
	// The zone's offset at that moment; a second look settles times next to a DST change.
	let utc = asUtc - zoneOffsetMs(asUtc, timeZone);
	utc = asUtc - zoneOffsetMs(utc, timeZone);
	return new Date(utc).toISOString();
}

function zoneOffsetMs(instant: number, timeZone: string): number {
	let format: Intl.DateTimeFormat;
	try {
		format = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
	} catch {
		return 0; // an unknown zone name: read the time as UTC
	}
	const parts: Record<string, number> = {};
	for (const part of format.formatToParts(new Date(instant))) parts[part.type] = Number(part.value);
	const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
	return wall - Math.floor(instant / 1000) * 1000;
}
