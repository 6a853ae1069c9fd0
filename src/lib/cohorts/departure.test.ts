import { describe, expect, it } from 'vitest';
import { daysUntil } from './departure';

describe('daysUntil', () => {
	const today = new Date('2026-11-24T23:30:00Z');
	it('counts calendar days, whatever the hour', () => {
		expect(daysUntil('2026-11-25', today)).toBe(1);
		expect(daysUntil('2027-03-15', today)).toBe(111);
	});
	it('is zero on the day and negative after it', () => {
		expect(daysUntil('2026-11-24', today)).toBe(0);
		expect(daysUntil('2026-11-20', today)).toBe(-4);
	});
});
