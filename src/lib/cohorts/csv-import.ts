import Papa from 'papaparse';
import { parseIdentifier } from '$lib/auth/identifier';

/** Limits that keep one upload cheap to parse, check and store. */
export const MAX_ROWS = 5_000;
export const MAX_BYTES = 1_000_000;
const MAX_NAME = 120;

export type FileProblem = 'file_empty' | 'file_too_large' | 'too_many_rows' | 'header_invalid' | 'file_unreadable';
export type RowProblem =
	| 'name_missing'
	| 'name_too_long'
	| 'phone_invalid'
	| 'email_invalid'
	| 'contact_missing'
	| 'duplicate_in_file'
	| 'already_expected'
	| 'already_enrolled';

/** One person from the file: row is the line number as a spreadsheet shows it (the header is row 1). */
export interface ImportRow {
	row: number;
	name: string;
	/** Digits, country code first (6281234567890), when the phone cell was valid. */
	phone: string | null;
	email: string | null;
	/** What the cell said, to show the instructor next to the problem. */
	rawPhone: string;
	rawEmail: string;
	problems: RowProblem[];
}

export type ParsedFile = { ok: true; rows: ImportRow[] } | { ok: false; problem: FileProblem };

type Column = 'name' | 'phone' | 'email';

// Header names compared after lower-casing and dropping spaces, dots, dashes and underscores.
const HEADERS: Record<string, Column> = {
	name: 'name',
	fullname: 'name',
	nama: 'name',
	namalengkap: 'name',
	phone: 'phone',
	phonenumber: 'phone',
	mobile: 'phone',
	hp: 'phone',
	nohp: 'phone',
	nomorhp: 'phone',
	telepon: 'phone',
	notelepon: 'phone',
	nomortelepon: 'phone',
	telp: 'phone',
	whatsapp: 'phone',
	wa: 'phone',
	email: 'email',
	surel: 'email'
};

const headerKey = (cell: string) => cell.toLowerCase().replace(/[\s._-]/g, '');

/** Which column holds what; null unless there is a name column and a phone or e-mail column, each once. */
export function readHeader(cells: string[]): Partial<Record<Column, number>> | null {
	const columns: Partial<Record<Column, number>> = {};
	for (const [index, cell] of cells.entries()) {
		const column = HEADERS[headerKey(cell)];
		if (!column) continue; // extra columns (address, notes) are allowed and ignored
		if (columns[column] !== undefined) return null;
		columns[column] = index;
	}
	if (columns.name === undefined || (columns.phone === undefined && columns.email === undefined)) return null;
	return columns;
}

function checkRow(row: number, cells: string[], columns: Partial<Record<Column, number>>): ImportRow {
	const cell = (column: Column) => (columns[column] === undefined ? '' : (cells[columns[column]!] ?? '').trim());
	const name = cell('name').replace(/\s+/g, ' ');
	const rawPhone = cell('phone');
	const rawEmail = cell('email');
	const problems: RowProblem[] = [];
	if (!name) problems.push('name_missing');
	else if (name.length > MAX_NAME) problems.push('name_too_long');

	const phoneId = rawPhone && !rawPhone.includes('@') ? parseIdentifier(rawPhone) : null;
	const phone = phoneId?.kind === 'phone' ? phoneId.value : null;
	if (rawPhone && !phone) problems.push('phone_invalid');
	const emailId = rawEmail.includes('@') ? parseIdentifier(rawEmail) : null;
	const email = emailId?.kind === 'email' ? emailId.value : null;
	if (rawEmail && !email) problems.push('email_invalid');
	if (!rawPhone && !rawEmail) problems.push('contact_missing');
	return { row, name, phone, email, rawPhone, rawEmail, problems };
}

/** Reads an uploaded CSV (comma or semicolon, as Excel writes in Indonesia) and checks every row. */
export function parseRoster(text: string): ParsedFile {
	if (new TextEncoder().encode(text).length > MAX_BYTES) return { ok: false, problem: 'file_too_large' };
	// U+0000 means a binary file (and PostgreSQL cannot store it).
	if (text.includes('\u0000')) return { ok: false, problem: 'file_unreadable' };
	const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
	const records = parsed.data.filter((cells) => cells.some((cell) => cell.trim() !== ''));
	if (records.length === 0) return { ok: false, problem: 'file_empty' };
	if (parsed.errors.some((e) => e.type === 'Quotes')) return { ok: false, problem: 'file_unreadable' };
	const columns = readHeader(records[0]!);
	if (!columns) return { ok: false, problem: 'header_invalid' };
	if (records.length - 1 > MAX_ROWS) return { ok: false, problem: 'too_many_rows' };

	const rows: ImportRow[] = [];
	const seen = new Set<string>();
	parsed.data.forEach((cells, index) => {
		if (cells === records[0] || !cells.some((cell) => cell.trim() !== '')) return;
		const row = checkRow(index + 1, cells, columns);
		const keys = contactKeys(row);
		if (keys.some((key) => seen.has(key))) row.problems.push('duplicate_in_file');
		for (const key of keys) seen.add(key);
		rows.push(row);
	});
	return { ok: true, rows };
}

/** The keys a person is known by: "phone:6281…" and "email:…". */
export function contactKeys(row: Pick<ImportRow, 'phone' | 'email'>): string[] {
	const keys: string[] = [];
	if (row.phone) keys.push(`phone:${row.phone}`);
	if (row.email) keys.push(`email:${row.email}`);
	return keys;
}

/** Marks rows whose person the cohort already expects or has enrolled (keys as contactKeys). */
export function markKnown(rows: ImportRow[], known: { expected: Set<string>; enrolled: Set<string> }): ImportRow[] {
	return rows.map((row) => {
		const keys = contactKeys(row);
		const problems = [...row.problems];
		if (keys.some((key) => known.enrolled.has(key))) problems.push('already_enrolled');
		else if (keys.some((key) => known.expected.has(key))) problems.push('already_expected');
		return { ...row, problems };
	});
}

export function counts(rows: ImportRow[]): { total: number; good: number; bad: number } {
	const good = rows.filter((row) => row.problems.length === 0).length;
	return { total: rows.length, good, bad: rows.length - good };
}
