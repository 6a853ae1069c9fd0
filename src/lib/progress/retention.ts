import type { Retention } from './types';

/** Below this many reviews true retention still swings a lot from one day to the next. */
export const STEADY_SAMPLE = 30;

/** part / whole, or null when there is nothing to divide (so "no data" never shows as 0%). */
export function share(part: number, whole: number): number | null {
	return whole > 0 ? part / whole : null;
}

export interface RetentionReading {
	/** Share recalled, null without a sample. */
	rate: number | null;
	forgotten: number;
	/** Enough reviews for the figure to mean something. */
	steady: boolean;
	/** At or above the schedule's aim (false without a sample). */
	onTarget: boolean;
}

export function readRetention(retention: Retention): RetentionReading {
	const rate = share(retention.recalled, retention.reviews);
	return {
		rate,
		forgotten: retention.reviews - retention.recalled,
		steady: retention.reviews >= STEADY_SAMPLE,
		// Compared as whole percentages, as shown: 89.7% reads "90%" and must not be called short of a 90% aim.
		onTarget: rate !== null && Math.round(rate * 100) >= Math.round(retention.target * 100)
	};
}
