import { DAY_MS } from '$lib/scheduling/time';
import { localDay } from '$lib/progress/days';

const WEEK_MS = 7 * DAY_MS;

/** Recent local weeks, Monday to Sunday, the current one last and still running. */
export interface WeekWindow {
	/** The first instant of the oldest week (its Monday, local midnight). */
	from: Date;
	/** The first instant after the current week. */
	to: Date;
	/** Each week's Monday (YYYY-MM-DD, local), oldest first. */
	weeks: string[];
}

/** The last `count` local weeks (tzOffsetMinutes east of UTC) up to and including the week of `now`. */
export function recentWeeks(now: Date, tzOffsetMinutes: number, count: number): WeekWindow {
	const offsetMs = tzOffsetMinutes * 60_000;
	const localMidnight = Math.floor((now.getTime() + offsetMs) / DAY_MS) * DAY_MS;
	// 1 January 1970 was a Thursday: days since then, shifted so Monday is 0.
	const weekday = (Math.floor(localMidnight / DAY_MS) + 3) % 7;
	const mondayStart = localMidnight - weekday * DAY_MS - offsetMs;
	const fromMs = mondayStart - (count - 1) * WEEK_MS;
	const weeks = Array.from({ length: count }, (_, i) => localDay(new Date(fromMs + i * WEEK_MS), tzOffsetMinutes));
	return { from: new Date(fromMs), to: new Date(mondayStart + WEEK_MS), weeks };
}

/** Which week of the window (0 = oldest) an instant falls in; -1 before it, weeks.length after. */
export function weekIndex(window: WeekWindow, at: Date): number {
	const index = Math.floor((at.getTime() - window.from.getTime()) / WEEK_MS);
	return Math.max(-1, Math.min(window.weeks.length, index));
}
