import Papa from 'papaparse';

export type CsvCell = string | number | boolean | null;

/** A table as it goes into a CSV file: the header row, then one array per row. */
export interface CsvTable {
	header: string[];
	rows: CsvCell[][];
}

/**
 * Text a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage return first) gets a leading
 * apostrophe, so a trainee named "=HYPERLINK(…)" stays a name. Numbers stay numbers.
 */
export function neutralize(cell: CsvCell): string | number | boolean | null {
	if (typeof cell !== 'string') return cell;
	return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** RFC 4180 CSV with CRLF line ends and a byte-order mark, which Excel needs to read UTF-8 (Japanese, names). */
export function toCsv(table: CsvTable): string {
	return '\uFEFF' + Papa.unparse({ fields: table.header.map((h) => String(neutralize(h))), data: table.rows.map((row) => row.map(neutralize)) }, { newline: '\r\n' });
}

/** A file name safe in a Content-Disposition header: letters, digits and dashes. */
export function csvFileName(...parts: string[]): string {
	const slug = parts
		.map((part) => part.normalize('NFKD').replace(/[^\w-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '').toLowerCase())
		.filter(Boolean)
		.join('-');
	return `${slug || 'export'}.csv`;
}
