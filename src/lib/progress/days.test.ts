import { describe, expect, it } from 'vitest';
import { DEFAULT_TZ_OFFSET, fillDays, localDay, parseTzOffset, recentDays } from './days';

describe('parseTzOffset', () => {
	it('reads minutes east of UTC, as a phone reports them', () => {
		expect(parseTzOffset('480')).toBe(480);
		expect(parseTzOffset('-300')).toBe(-300);
		expect(parseTzOffset('+540')).toBe(540);
	});

	it('falls back to WIB for anything that is not a real offset', () => {
		for (const raw of [undefined, null, '', 'abc', '7.5', '900', '-841', '1e3']) {
			expect(parseTzOffset(raw), String(raw)).toBe(DEFAULT_TZ_OFFSET);
		}
	});
});

describe('localDay', () => {
	it('moves an instant into the local calendar', () => {
		expect(localDay(new Date('2026-11-23T16:59:00Z'), 420)).toBe('2026-11-23');
		expect(localDay(new Date('2026-11-23T17:00:00Z'), 420)).toBe('2026-11-24');
		expect(localDay(new Date('2026-11-24T02:00:00Z'), -300)).toBe('2026-11-23');
	});
});

describe('recentDays', () => {
	it('ends with today and starts at local midnight of the oldest day', () => {
		// 19:00 in Jakarta on 24 November
		const window = recentDays(new Date('2026-11-24T12:00:00Z'), 420, 30);
		expect(window.days).toHaveLength(30);
		expect(window.days.at(-1)).toBe('2026-11-24');
		expect(window.days[0]).toBe('2026-10-26');
		expect(window.from.toISOString()).toBe('2026-10-25T17:00:00.000Z');
		expect(window.to.toISOString()).toBe('2026-11-24T17:00:00.000Z');
	});

	it('counts a late-night review on the day it was in the trainee’s zone', () => {
		// 00:30 on 25 November in Makassar (WITA) is still 24 November in UTC
		const window = recentDays(new Date('2026-11-24T16:30:00Z'), 480, 7);
		expect(window.days.at(-1)).toBe('2026-11-25');
		expect(window.from.toISOString()).toBe('2026-11-18T16:00:00.000Z');
	});

	it('has consecutive days across a month end', () => {
		const { days } = recentDays(new Date('2026-03-02T05:00:00Z'), 0, 4);
		expect(days).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
	});
});

describe('fillDays', () => {
	it('keeps counted days and fills the rest with zeros, in window order', () => {
		const counted = { day: '2026-11-23', total: 3, again: 1, hard: 0, good: 2, easy: 0 };
		expect(fillDays(['2026-11-22', '2026-11-23'], [counted])).toEqual([
			{ day: '2026-11-22', total: 0, again: 0, hard: 0, good: 0, easy: 0 },
			counted
		]);
	});
});
