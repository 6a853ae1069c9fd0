import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvFileName, toCsv } from './csv';

describe('toCsv', () => {
	it('writes a header and rows that a CSV reader gets back, Japanese and commas included', () => {
		const text = toCsv({ header: ['Peserta', 'Skor'], rows: [['Siti, R.', 80], ['食事介助', null]] });
		expect(text.startsWith('\uFEFF')).toBe(true);
		expect(Papa.parse(text.slice(1)).data).toEqual([['Peserta', 'Skor'], ['Siti, R.', '80'], ['食事介助', '']]);
	});

	it('defuses cells a spreadsheet would run as formulas, but keeps negative numbers', () => {
		const text = toCsv({ header: ['a'], rows: [['=HYPERLINK("x")'], ['+1'], ['-2+3'], ['@SUM(A1)'], [-5]] });
		const cells = (Papa.parse(text.slice(1)).data as string[][]).slice(1).map((row) => row[0]);
		expect(cells).toEqual(['\'=HYPERLINK("x")', "'+1", "'-2+3", "'@SUM(A1)", '-5']);
	});
});

describe('csvFileName', () => {
	it('makes a safe file name', () => {
		expect(csvFileName('Kaigo Kagawa 2027', 'readiness', '2026-11-25')).toBe('kaigo-kagawa-2027-readiness-2026-11-25.csv');
		expect(csvFileName('"; rm -rf /', '')).toBe('rm-rf.csv');
	});
});
