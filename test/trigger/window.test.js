'use strict';
/** The trigger's seen-window as plain data: watermark, lookback, equal timestamps, pruning. */
const {
	advance,
	EMPTY_WINDOW,
	LOOKBACK_MS,
	oldestFirst,
	seenCount,
	stamp,
	unseenIn,
	windowStart,
} = require('../../nodes/PluggedInTrigger/window');

const T0 = '2026-12-01T10:00:00.000Z';
const at = (ms) => new Date(Date.parse(T0) + ms).toISOString();
const item = (key, ms = 0) => ({ key, at: at(ms) });

test('an empty window lets everything through and has no start', () => {
	expect(windowStart(EMPTY_WINDOW)).toBeUndefined();
	expect(unseenIn(EMPTY_WINDOW)(item('a', -1e9))).toBe(true);
	expect(advance(EMPTY_WINDOW, [])).toEqual({ watermark: null, seen: {} });
});

test('the watermark is the newest item’s own timestamp, and the window starts one lookback before it', () => {
	const window = advance(EMPTY_WINDOW, [item('a', 0), item('b', 2500), item('c', 1000)]);
	expect(window.watermark).toBe(at(2500));
	expect(windowStart(window)).toBe(at(2500 - LOOKBACK_MS));
	// a (2.5 s old) is pruned; c (1.5 s) is pruned too; only b stays remembered.
	expect(window.seen).toEqual({ [at(2500)]: ['b'] });
	expect(seenCount(window)).toBe(1);
});

test('equal timestamps: items seen once are not seen again, a new one with the same timestamp is', () => {
	const first = advance(EMPTY_WINDOW, [item('a'), item('b')]);
	const unseen = unseenIn(first);
	expect(unseen(item('a'))).toBe(false);
	expect(unseen(item('b'))).toBe(false);
	expect(unseen(item('c'))).toBe(true);
	const second = advance(first, [item('c')]);
	expect(second.watermark).toBe(T0);
	expect(second.seen[T0].sort()).toEqual(['a', 'b', 'c']);
	expect(['a', 'b', 'c', 'd'].map((key) => unseenIn(second)(item(key)))).toEqual([false, false, false, true]);
});

test('the same key at another timestamp is another item (a new version of a document)', () => {
	const window = advance(EMPTY_WINDOW, [item('doc@1', 0)]);
	expect(unseenIn(window)(item('doc@1', 0))).toBe(false);
	expect(unseenIn(window)(item('doc@1', 10))).toBe(true);
});

test('items older than the window are not emitted; those inside the lookback are, once', () => {
	const window = advance(EMPTY_WINDOW, [item('a', 5000)]);
	const unseen = unseenIn(window);
	expect(unseen(item('late', 5000 - LOOKBACK_MS))).toBe(true); // the window's first millisecond
	expect(unseen(item('old', 5000 - LOOKBACK_MS - 1))).toBe(false);
	expect(unseen(item('slow', 4500))).toBe(true); // a slow transaction, visible after a newer row
});

test('the watermark never goes back, and an advance without items keeps the window', () => {
	const window = advance(EMPTY_WINDOW, [item('a', 5000)]);
	expect(advance(window, [item('b', 4800)]).watermark).toBe(at(5000));
	expect(advance(window, [])).toEqual(window);
});

test('the window is plain JSON: it survives the round trip through the workflow’s static data', () => {
	const window = advance(EMPTY_WINDOW, [item('a'), item('b', 300)]);
	const restored = JSON.parse(JSON.stringify(window));
	expect(restored).toEqual(window);
	expect(unseenIn(restored)(item('a'))).toBe(false);
});

test('oldest first keeps the order of equal timestamps; stamp gives ISO Z with milliseconds', () => {
	const items = [item('c', 10), item('a', 0), item('b', 0)];
	expect(oldestFirst(items).map(({ key }) => key)).toEqual(['a', 'b', 'c']);
	expect(items.map(({ key }) => key)).toEqual(['c', 'a', 'b']); // not sorted in place
	expect(stamp('2026-12-01 10:00:00.123456+00')).toBe('2026-12-01T10:00:00.123Z');
	expect(stamp(undefined)).toBe('1970-01-01T00:00:00.000Z');
});
