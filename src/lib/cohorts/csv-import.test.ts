import { describe, expect, it } from 'vitest';
import { MAX_ROWS, counts, markKnown, parseRoster } from './csv-import';

const rowsOf = (text: string) => {
	const parsed = parseRoster(text);
	if (!parsed.ok) throw new Error(parsed.problem);
	return parsed.rows;
};

describe('parseRoster', () => {
	it('reads name with phone and e-mail, numbering rows as a spreadsheet does', () => {
		const rows = rowsOf('name,phone,email\nSiti Aminah,0812-3456-7890,\nBudi,,Budi@Example.ID\n');
		expect(rows).toMatchObject([
			{ row: 2, name: 'Siti Aminah', phone: '6281234567890', email: null, problems: [] },
			{ row: 3, name: 'Budi', phone: null, email: 'budi@example.id', problems: [] }
		]);
	});

	it('accepts Indonesian headers in any case and spacing, semicolons, a BOM, and ignores extra columns', () => {
		const rows = rowsOf('\uFEFF Nama ; No. HP ; Alamat\nDewi;+62 813 1111 2222;Lampung\n');
		expect(rows).toMatchObject([{ row: 2, name: 'Dewi', phone: '6281311112222', problems: [] }]);
		expect(rowsOf('NAMA,Telepon\nAgus,0813-2222-3333')[0]).toMatchObject({ phone: '6281322223333' });
	});

	it('normalises the ways Indonesians write a mobile number to the same digits', () => {
		const text = ['nama,hp', 'A,081234567890', 'B,+6281234567891', 'C,6281234567892', 'D,81234567893', 'E,(0812) 3456-7894'].join('\n');
		expect(rowsOf(text).map((row) => row.phone)).toEqual(['6281234567890', '6281234567891', '6281234567892', '6281234567893', '6281234567894']);
	});

	it('refuses a file whose header lacks a name or any contact column, or repeats one', () => {
		expect(parseRoster('nama,alamat\nSiti,Bandung')).toEqual({ ok: false, problem: 'header_invalid' });
		expect(parseRoster('phone,email\n0812345678901,a@b.id')).toEqual({ ok: false, problem: 'header_invalid' });
		expect(parseRoster('Siti,081234567890\nBudi,081234567891')).toEqual({ ok: false, problem: 'header_invalid' });
		expect(parseRoster('name,phone,hp\nSiti,081234567890,081234567890')).toEqual({ ok: false, problem: 'header_invalid' });
		expect(parseRoster('\n \n')).toEqual({ ok: false, problem: 'file_empty' });
	});

	it('marks each bad row with what is wrong, and keeps the good ones', () => {
		const rows = rowsOf(['name,phone,email', ',081234567890,', 'Rina,12345,', 'Tono,,tono@', 'Wati,,', 'Yanto,0812 9999 0000,'].join('\n'));
		expect(rows.map((row) => [row.row, row.problems])).toEqual([
			[2, ['name_missing']],
			[3, ['phone_invalid']],
			[4, ['email_invalid']],
			[5, ['contact_missing']],
			[6, []]
		]);
		expect(counts(rows)).toEqual({ total: 5, good: 1, bad: 4 });
	});

	it('marks a person who appears twice, by phone in any format or by e-mail in any case', () => {
		const rows = rowsOf(['name,phone,email', 'Siti,081234567890,siti@example.id', 'Siti A,+62 812-3456-7890,', 'S. Aminah,,SITI@example.id', 'Budi,081200000000,'].join('\n'));
		expect(rows.map((row) => row.problems)).toEqual([[], ['duplicate_in_file'], ['duplicate_in_file'], []]);
	});

	it(`refuses more than ${MAX_ROWS} rows and more than 1 MB, importing nothing`, () => {
		const lines = (n: number) => ['nama,hp', ...Array.from({ length: n }, (_, i) => `Orang ${i},0812${String(i).padStart(8, '0')}`)].join('\n');
		expect(parseRoster(lines(MAX_ROWS)).ok).toBe(true);
		expect(parseRoster(lines(MAX_ROWS + 1))).toEqual({ ok: false, problem: 'too_many_rows' });
		expect(parseRoster(lines(10_000))).toEqual({ ok: false, problem: 'too_many_rows' });
		expect(parseRoster(`name,phone\n${'x'.repeat(1_000_001)},081234567890`)).toEqual({ ok: false, problem: 'file_too_large' });
	});

	it('skips blank lines but keeps the row numbers of the rest', () => {
		expect(rowsOf('name,phone\n\nSiti,081234567890\n\n').map((row) => row.row)).toEqual([3]);
	});
	it('refuses a file with a NUL character as unreadable (a binary file; the database cannot store it)', () => {
		expect(parseRoster('name,phone\nBu\u0000di,081234567890\n')).toEqual({ ok: false, problem: 'file_unreadable' });
	});
});

describe('markKnown', () => {
	it('marks people the cohort already expects or has enrolled', () => {
		const rows = rowsOf('name,phone,email\nSiti,081234567890,\nBudi,,budi@example.id\nRina,081200000001,');
		const marked = markKnown(rows, { expected: new Set(['email:budi@example.id']), enrolled: new Set(['phone:6281234567890']) });
		expect(marked.map((row) => row.problems)).toEqual([['already_enrolled'], ['already_expected'], []]);
	});
});
