// Geometry for the page's small SVG charts: a count axis with round ticks, and stacked segments.

export interface Axis {
	/** The value at the top of the plot, ≥ the largest value. */
	top: number;
	/** Round values from 0 to top for grid lines and labels. */
	ticks: number[];
}

/** A whole-number axis from 0 with about `targetTicks` steps of 1, 2 or 5 × 10ⁿ. */
export function countAxis(max: number, targetTicks = 4): Axis {
	if (!(max > 0)) return { top: 1, ticks: [0, 1] };
	const rough = max / targetTicks;
	const magnitude = 10 ** Math.floor(Math.log10(rough));
	const step = Math.max(1, [1, 2, 5, 10].map((f) => f * magnitude).find((s) => s >= rough) ?? 10 * magnitude);
	const top = Math.ceil(max / step) * step;
	return { top, ticks: Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step) };
}

export interface Segment<Key> {
	key: Key;
	/** Where the segment starts and how long it is, as fractions of the whole bar (0–1). */
	start: number;
	size: number;
}

/** Consecutive segments for stacked values, each a fraction of `whole`; empty values are left out. */
export function stack<Key>(values: readonly { key: Key; value: number }[], whole: number): Segment<Key>[] {
	if (!(whole > 0)) return [];
	const segments: Segment<Key>[] = [];
	let start = 0;
	for (const { key, value } of values) {
		if (value <= 0) continue;
		segments.push({ key, start: start / whole, size: value / whole });
		start += value;
	}
	return segments;
}
