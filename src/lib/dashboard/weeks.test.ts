import { describe, expect, it } from 'vitest';
import { recentWeeks, weekIndex } from './weeks';

const WIB = 420;

describe('recentWeeks', () => {
	it('ends with the local week of now, Monday first, counted in WIB', () => {
		// Sunday 29 November 2026, 18:00 UTC is already Monday 30 November 01:00 in WIB.
		const window = recentWeeks(new Date('2026-11-29T18:00:00Z'), WIB, 3);
		expect(window.weeks).toEqual(['2026-11-16', '2026-11-23', '2026-11-30']);
		expect(window.from.toISOString()).toBe('2026-11-15T17:00:00.000Z'); // Monday 16 Nov 00:00 WIB
		expect(window.to.toISOString()).toBe('2026-12-06T17:00:00.000Z');
	});

	it('keeps a UTC Sunday evening in the same week for UTC', () => {
		expect(recentWeeks(new Date('2026-11-29T18:00:00Z'), 0, 1).weeks).toEqual(['2026-11-23']);
	});

	it('puts instants in the right week and clamps outside ones', () => {
		const window = recentWeeks(new Date('2026-11-25T12:00:00Z'), WIB, 2);
		expect(weekIndex(window, new Date('2026-11-22T16:59:59Z'))).toBe(0); // Sunday 23:59:59 WIB
		expect(weekIndex(window, new Date('2026-11-22T17:00:00Z'))).toBe(1); // Monday 00:00 WIB
		expect(weekIndex(window, new Date('2026-11-01T00:00:00Z'))).toBe(-1);
		expect(weekIndex(window, new Date('2027-01-01T00:00:00Z'))).toBe(2);
	});
});
