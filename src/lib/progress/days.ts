import { DAY_MS } from '$lib/scheduling/time';
import type { DayReviews } from './types';

/** How far back the Progress page looks. */
export const PROGRESS_DAYS = 30;
/** Western Indonesia Time (UTC+7), where most trainees live: the guess until the phone says otherwise. */
export const DEFAULT_TZ_OFFSET = 420;
const MAX_TZ_OFFSET = 14 * 60;
/** The cookie that carries the phone's offset (minutes east of UTC) to server-rendered pages. */
export const TZ_COOKIE = 'tz';

/** Minutes east of UTC from a cookie or query value; the fallback for anything that is not a real offset. */
export function parseTzOffset(raw: string | null | undefined, fallback = DEFAULT_TZ_OFFSET): number {
	if (raw === null || raw === undefined || !/^[+-]?\d{1,3}$/.test(raw.trim())) return fallback;
	const minutes = Number(raw);
	return Math.abs(minutes) <= MAX_TZ_OFFSET ? minutes : fallback;
}

/** The local calendar day (YYYY-MM-DD) of an instant, tzOffsetMinutes east of UTC. */
export function localDay(at: Date, tzOffsetMinutes: number): string {
	return new Date(at.getTime() + tzOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

export interface DayWindow {
	/** The first instant of the oldest day. */
	from: Date;
	/** The first instant after today (local midnight tonight). */
	to: Date;
	/** The local days, oldest first, today last. */
	days: string[];
}

/** The last `count` local days up to and including today, and the instants that bound them. */
export function recentDays(now: Date, tzOffsetMinutes: number, count = PROGRESS_DAYS): DayWindow {
	const offsetMs = tzOffsetMinutes * 60_000;
	const todayStart = Math.floor((now.getTime() + offsetMs) / DAY_MS) * DAY_MS - offsetMs;
	const days = Array.from({ length: count }, (_, i) => localDay(new Date(todayStart - (count - 1 - i) * DAY_MS), tzOffsetMinutes));
	return { from: new Date(todayStart - (count - 1) * DAY_MS), to: new Date(todayStart + DAY_MS), days };
}

/** One entry per day of the window, zeros where the trainee did not study. */
export function fillDays(days: readonly string[], counted: readonly DayReviews[]): DayReviews[] {
	const byDay = new Map(counted.map((row) => [row.day, row]));
	return days.map((day) => byDay.get(day) ?? { day, total: 0, again: 0, hard: 0, good: 0, easy: 0 });
}
