// Shared bits of `npm run bench`: the row every section returns, statistics, and the printed table.

/** One measured figure. `ok` null: context only (no target applies, or the figure was skipped). */
export interface Row {
	figure: string;
	value: string;
	target: string;
	ok: boolean | null;
}

/** Nearest-rank percentile (p in 0..100) of a non-empty list. */
export function percentile(values: readonly number[], p: number): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
	return sorted[Math.min(sorted.length, rank) - 1]!;
}

export function median(values: readonly number[]): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function ms(value: number, digits = 1): string {
	if (!Number.isFinite(value)) return 'n/a';
	if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
	return `${value.toFixed(digits)} ms`;
}

export function kb(bytes: number): string {
	return `${(bytes / 1024).toFixed(1)} KB`;
}

/** A section's own detail lines: indented under its heading. */
export function detail(line = ''): void {
	console.log(line ? `   ${line}` : '');
}

export function heading(title: string): void {
	console.log(`\n━━ ${title} ━━`);
}

function verdict(row: Row): string {
	return row.ok === null ? 'info' : row.ok ? 'ok' : 'FAIL';
}

/** A plain-text table that reads well in a terminal and in a CI log. */
export function table(rows: readonly Row[]): string {
	const header = { figure: 'Figure', value: 'Value', target: 'Target', result: 'Result' };
	const cells = rows.map((r) => ({ figure: r.figure, value: r.value, target: r.target, result: verdict(r) }));
	const all = [header, ...cells];
	const width = (key: keyof typeof header) => Math.max(...all.map((c) => c[key].length));
	const w = { figure: width('figure'), value: width('value'), target: width('target'), result: width('result') };
	const line = (c: typeof header) =>
		`${c.figure.padEnd(w.figure)}  ${c.value.padStart(w.value)}  ${c.target.padEnd(w.target)}  ${c.result}`;
	const rule = '─'.repeat(w.figure + w.value + w.target + w.result + 6);
	return [line(header), rule, ...cells.map(line)].join('\n');
}
