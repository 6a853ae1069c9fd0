import { describe, expect, it } from 'vitest';
import { formatLongDay, formatPercent, formatShortDay, zoneLabel } from './format';

describe('formatPercent', () => {
	it('writes whole percentages', () => {
		expect(formatPercent(0.873, 'id')).toBe('87%');
		expect(formatPercent(1, 'ja')).toBe('100%');
	});
});

describe('day labels', () => {
	it('write the calendar day itself, whatever the server’s zone', () => {
		expect(formatShortDay('2026-11-24', 'ja')).toBe('11月24日');
		expect(formatShortDay('2026-11-24', 'en')).toBe('24 Nov');
		expect(formatLongDay('2026-11-24', 'en')).toBe('Tuesday 24 November');
		expect(formatLongDay('2026-11-24', 'id')).toBe('Selasa, 24 November');
	});
});

describe('zoneLabel', () => {
	it('names Indonesia’s zones and writes others as UTC offsets', () => {
		expect(zoneLabel(420)).toBe('WIB (UTC+7)');
		expect(zoneLabel(480)).toBe('WITA (UTC+8)');
		expect(zoneLabel(540)).toBe('WIT (UTC+9)');
		expect(zoneLabel(330)).toBe('UTC+5:30');
		expect(zoneLabel(-300)).toBe('UTC−5');
	});
});
