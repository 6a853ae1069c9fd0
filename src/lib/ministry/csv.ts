// CSV files of the ministry tables. Every value in them comes from a table already through suppress().

export type CsvCell = string | number;

/**
 * Text a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage return first) gets a leading
 * apostrophe, so a center named "=HYPERLINK(…)" stays a name. Numbers stay numbers ("<5" is text, left alone).
 */
export function neutralize(cell: CsvCell): string {
	if (typeof cell === 'number') return String(cell);
	return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function quote(text: string): string {
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV with CRLF line ends and a byte-order mark, which Excel needs to read UTF-8. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
	return '\uFEFF' + [header, ...rows].map((row) => row.map((cell) => quote(neutralize(cell))).join(',')).join('\r\n') + '\r\n';
}
