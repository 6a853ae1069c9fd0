/** One cell's raw counts: `right` of `total` (answers correct, or reviews recalled). */
export interface CellCount {
	/** The row: a mondai id or a scene tag. */
	key: string;
	/** Week of the window, 0 = oldest. */
	week: number;
	right: number;
	total: number;
}

export interface HeatmapCell {
	week: string;
	right: number;
	total: number;
	/** right / total; null where there was nothing to measure. */
	rate: number | null;
}

export interface HeatmapRow {
	key: string;
	cells: HeatmapCell[];
	/** Over the whole window. */
	right: number;
	total: number;
	rate: number | null;
}

/**
 * Rows by key with one cell per week, weakest first (lowest overall rate; rows with nothing measured last),
 * ties by `order` (e.g. the blueprint's), then by key. Counts outside the window are ignored.
 */
export function heatmap(weeks: readonly string[], counts: readonly CellCount[], order: readonly string[] = []): HeatmapRow[] {
	const rows = new Map<string, HeatmapCell[]>();
	const cellsFor = (key: string) => {
		let cells = rows.get(key);
		if (!cells) {
			cells = weeks.map((week) => ({ week, right: 0, total: 0, rate: null }));
			rows.set(key, cells);
		}
		return cells;
	};
	for (const key of order) cellsFor(key);
	for (const count of counts) {
		if (count.week < 0 || count.week >= weeks.length) continue;
		const cell = cellsFor(count.key)[count.week]!;
		cell.right += count.right;
		cell.total += count.total;
	}
	const rank = new Map(order.map((key, i) => [key, i]));
	return [...rows]
		.map(([key, cells]) => {
			for (const cell of cells) cell.rate = cell.total > 0 ? cell.right / cell.total : null;
			const right = cells.reduce((sum, c) => sum + c.right, 0);
			const total = cells.reduce((sum, c) => sum + c.total, 0);
			return { key, cells, right, total, rate: total > 0 ? right / total : null };
		})
		.sort(
			(a, b) =>
				(a.rate ?? Infinity) - (b.rate ?? Infinity) ||
				(rank.get(a.key) ?? Infinity) - (rank.get(b.key) ?? Infinity) ||
				a.key.localeCompare(b.key)
		);
}

/** Five shades for a rate (0 = weakest … 4 = strongest); null stays null (drawn as "no data"). */
export function shade(rate: number | null): 0 | 1 | 2 | 3 | 4 | null {
	if (rate === null) return null;
	if (rate < 0.5) return 0;
	if (rate < 0.65) return 1;
	if (rate < 0.8) return 2;
	if (rate < 0.9) return 3;
	return 4;
}
