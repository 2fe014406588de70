import { toIsoZ } from '../shared/dates';

/**
 * How far behind the watermark the trigger still looks. Server timestamps have microseconds but are
 * sent with milliseconds, and a row can become visible a little after a newer one (a slow
 * transaction): re-reading one second and deduplicating costs little and catches both.
 */
export const LOOKBACK_MS = 1000;

/**
 * A watermark (the newest seen item's own timestamp, never "now") and the keys of the items seen
 * at or after watermark − LOOKBACK_MS, grouped by their timestamp so the group can be pruned.
 * Plain JSON: it lives in the workflow's static data.
 */
export interface SeenWindow {
	watermark: string | null;
	seen: Record<string, string[]>;
}

/** One item as the window sees it: its timestamp (ISO) and what identifies it (an id, id@version). */
export interface Stamped {
	at: string;
	key: string;
}

export const EMPTY_WINDOW: SeenWindow = { watermark: null, seen: {} };

/** Server timestamps (ISO Z, +00:00 with microseconds, database text) → ISO Z with milliseconds. */
export function stamp(value: unknown): string {
	return toIsoZ(value) ?? new Date(0).toISOString();
}

/** Where the window starts (ISO Z), or undefined before the first item was ever seen. */
export function windowStart(window: SeenWindow): string | undefined {
	if (window.watermark === null) return undefined;
	return new Date(Date.parse(window.watermark) - LOOKBACK_MS).toISOString();
}

export function seenCount(window: SeenWindow): number {
	return Object.values(window.seen).reduce((sum, keys) => sum + keys.length, 0);
}

/** A test for "not seen yet": inside the window (or no watermark yet) and its key not remembered. */
export function unseenIn(window: SeenWindow): (item: Stamped) => boolean {
	const start = windowStart(window);
	const remembered = new Set(Object.entries(window.seen).flatMap(([at, keys]) => keys.map((key) => `${at} ${key}`)));
	return (item) =>
		start === undefined || (Date.parse(item.at) >= Date.parse(start) && !remembered.has(`${item.at} ${item.key}`));
}

/** The window after these items were handed on: watermark moved to the newest, old keys pruned. */
export function advance(window: SeenWindow, items: Stamped[]): SeenWindow {
	let newest = window.watermark === null ? -Infinity : Date.parse(window.watermark);
	for (const item of items) newest = Math.max(newest, Date.parse(item.at));
	if (newest === -Infinity) return { watermark: null, seen: {} };
	const start = newest - LOOKBACK_MS;
	const seen = new Map<string, Set<string>>();
	const remember = (at: string, key: string) => {
		if (Date.parse(at) < start) return;
		if (!seen.has(at)) seen.set(at, new Set());
		seen.get(at)?.add(key);
	};
	for (const [at, keys] of Object.entries(window.seen)) for (const key of keys) remember(at, key);
	for (const item of items) remember(item.at, item.key);
	return {
		watermark: new Date(newest).toISOString(),
		seen: Object.fromEntries([...seen].map(([at, keys]) => [at, [...keys]])),
	};
}

/** Oldest first; equal timestamps keep their order. */
export function oldestFirst<T extends Stamped>(items: T[]): T[] {
	return [...items].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
