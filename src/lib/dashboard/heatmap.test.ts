import { describe, expect, it } from 'vitest';
import { heatmap, shade } from './heatmap';

const weeks = ['2026-11-09', '2026-11-16', '2026-11-23'];

describe('heatmap', () => {
	it('makes one cell per week and row, sums counts, and leaves unmeasured cells empty', () => {
		const rows = heatmap(weeks, [
			{ key: '食事介助', week: 0, right: 8, total: 10 },
			{ key: '食事介助', week: 2, right: 3, total: 5 },
			{ key: '食事介助', week: 2, right: 1, total: 5 }
		]);
		expect(rows).toHaveLength(1);
		expect(rows[0]!.cells.map((c) => c.rate)).toEqual([0.8, null, 0.4]);
		expect(rows[0]!.cells[2]).toMatchObject({ right: 4, total: 10 });
		expect(rows[0]).toMatchObject({ right: 12, total: 20, rate: 0.6 });
	});

	it('puts the weakest row first and rows without data last', () => {
		const rows = heatmap(
			weeks,
			[
				{ key: 'strong', week: 1, right: 9, total: 10 },
				{ key: 'weak', week: 1, right: 2, total: 10 }
			],
			['strong', 'weak', 'unmeasured']
		);
		expect(rows.map((r) => r.key)).toEqual(['weak', 'strong', 'unmeasured']);
		expect(rows[2]!.rate).toBeNull();
	});

	it('ignores counts outside the window (no row from them alone)', () => {
		const rows = heatmap(weeks, [
			{ key: 'a', week: -1, right: 1, total: 1 },
			{ key: 'a', week: 3, right: 1, total: 1 }
		]);
		expect(rows).toEqual([]);
	});
});

describe('shade', () => {
	it('maps rates to five steps, weakest darkest', () => {
		expect([0, 0.49, 0.5, 0.7, 0.85, 0.9, 1].map(shade)).toEqual([0, 0, 1, 2, 3, 4, 4]);
		expect(shade(null)).toBeNull();
	});
});
