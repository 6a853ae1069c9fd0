import { DAY_MS } from '$lib/scheduling/time';
import { recentWeeks } from './weeks';

/** Reviews on one local day. */
export interface DayCount {
	/** YYYY-MM-DD in the trainee's zone. */
	day: string;
	reviews: number;
}

export interface CalendarDay extends DayCount {
	/** 0 none … 4 most (see CALENDAR_LEVELS). */
	level: 0 | 1 | 2 | 3 | 4;
	/** Later than today: drawn empty, never counted. */
	future: boolean;
}

/** A column of the grid: Monday to Sunday. */
export interface CalendarWeek {
	monday: string;
	days: CalendarDay[];
}

export interface ActivityCalendar {
	weeks: CalendarWeek[];
	total: number;
	activeDays: number;
	/** Days up to today in the grid. */
	days: number;
}

/** Fewest reviews a day needs for levels 1–4: fixed, so the shades mean the same for every trainee. */
export const CALENDAR_LEVELS = [1, 20, 50, 100] as const;

function level(reviews: number): CalendarDay['level'] {
	let found: CalendarDay['level'] = 0;
	CALENDAR_LEVELS.forEach((least, i) => {
		if (reviews >= least) found = (i + 1) as CalendarDay['level'];
	});
	return found;
}

/** A GitHub-style grid of the last `weekCount` local weeks (Monday first), today in the last column. */
export function activityCalendar(counts: readonly DayCount[], now: Date, tzOffsetMinutes: number, weekCount = 16): ActivityCalendar {
	const window = recentWeeks(now, tzOffsetMinutes, weekCount);
	const byDay = new Map(counts.map((row) => [row.day, row.reviews]));
	const today = new Date(now.getTime() + tzOffsetMinutes * 60_000).toISOString().slice(0, 10);
	const weeks = window.weeks.map((monday) => {
		const start = Date.parse(`${monday}T00:00:00Z`);
		return {
			monday,
			days: Array.from({ length: 7 }, (_, i): CalendarDay => {
				const day = new Date(start + i * DAY_MS).toISOString().slice(0, 10);
				const future = day > today;
				const reviews = future ? 0 : (byDay.get(day) ?? 0);
				return { day, reviews, level: level(reviews), future };
			})
		};
	});
	const past = weeks.flatMap((w) => w.days).filter((d) => !d.future);
	return {
		weeks,
		total: past.reduce((sum, d) => sum + d.reviews, 0),
		activeDays: past.filter((d) => d.reviews > 0).length,
		days: past.length
	};
}
