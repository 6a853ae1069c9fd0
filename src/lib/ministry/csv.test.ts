import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
	it('writes suppressed figures as "<5" and numbers as numbers', () => {
		expect(toCsv(['Province', 'Departed'], [['Bali', '<5'], ['Aceh', 12]])).toBe('\uFEFFProvince,Departed\r\nBali,<5\r\nAceh,12\r\n');
	});

	it('keeps text a spreadsheet would run as a formula from being one', () => {
		const csv = toCsv(['Center'], [['=HYPERLINK("x")'], ['+62'], ['-1'], ['@SUM(A1)']]);
		expect(csv.split('\r\n').slice(1, 5)).toEqual([`"'=HYPERLINK(""x"")"`, "'+62", "'-1", "'@SUM(A1)"]);
	});

	it('quotes commas and line breaks', () => {
		expect(toCsv(['a'], [['LPK, Bandung'], ['two\nlines']])).toBe('\uFEFFa\r\n"LPK, Bandung"\r\n"two\nlines"\r\n');
	});
});
