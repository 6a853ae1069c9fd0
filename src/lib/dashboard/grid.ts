/** One cell of a CellGrid: its column and row (band keys), its shade, and what hovering it says. */
export interface GridCell {
	x: string;
	y: string;
	/** 0–4, 'none' for no data, 'empty' for a day not yet come. */
	shade: 0 | 1 | 2 | 3 | 4 | 'none' | 'empty' | null;
	title: string;
}
