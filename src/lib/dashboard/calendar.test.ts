import { describe, expect, it } from 'vitest';
import { activityCalendar } from './calendar';

describe('activityCalendar', () => {
	// Wednesday 25 November 2026, 20:00 UTC = Thursday 26 November 03:00 in WIB.
	const now = new Date('2026-11-25T20:00:00Z');

	it('lays out whole local weeks, Monday first, with today in the last column', () => {
		const calendar = activityCalendar([], now, 420, 16);
		expect(calendar.weeks).toHaveLength(16);
		expect(calendar.weeks.at(-1)!.monday).toBe('2026-11-23');
		expect(calendar.weeks[0]!.monday).toBe('2026-08-10');
		const last = calendar.weeks.at(-1)!.days;
		expect(last.map((d) => d.future)).toEqual([false, false, false, false, true, true, true]); // Thursday is today
		expect(calendar.days).toBe(15 * 7 + 4);
	});

	it('counts reviews per day with fixed levels, and never counts days still to come', () => {
		const calendar = activityCalendar(
			[
				{ day: '2026-11-26', reviews: 20 },
				{ day: '2026-11-24', reviews: 5 },
				{ day: '2026-11-23', reviews: 120 },
				{ day: '2026-11-27', reviews: 99 } // tomorrow in WIB: not shown
			],
			now,
			420,
			2
		);
		const days = calendar.weeks.at(-1)!.days;
		expect(days.map((d) => d.reviews)).toEqual([120, 5, 0, 20, 0, 0, 0]);
		expect(days.map((d) => d.level)).toEqual([4, 1, 0, 2, 0, 0, 0]);
		expect(calendar.total).toBe(145);
		expect(calendar.activeDays).toBe(3);
	});
});
