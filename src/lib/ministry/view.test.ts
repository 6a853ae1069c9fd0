import { describe, expect, it } from 'vitest';
import { buildView } from './view';
import { STATUSES, SUPPRESSED, type Aggregates, type Figure, type MinistryView, type ParentFigures, type Status, type StatusRow } from './types';

const statusRows = (dimension: StatusRow['dimension'], key: string, counts: Partial<Record<Status, number>>): StatusRow[] =>
	STATUSES.filter((s) => counts[s]).map((status) => ({ dimension, key, label: key, status, trainees: counts[status]! }));

function aggregates(byProvince: Record<string, Partial<Record<Status, number>>>, extra: Partial<Aggregates> = {}): Aggregates {
	const total: Partial<Record<Status, number>> = {};
	const status: StatusRow[] = [];
	for (const [province, counts] of Object.entries(byProvince)) {
		status.push(...statusRows('province', province, counts));
		for (const s of STATUSES) total[s] = (total[s] ?? 0) + (counts[s] ?? 0);
	}
	status.push(...statusRows('total', '', total));
	return { status, months: [], tests: [], readiness: { ready: 0, onTrack: 0, atRisk: 0, oldest: null }, parents: [], ...extra };
}

const parent = (totals: Record<Status, number>, extra: Partial<ParentFigures> = {}): ParentFigures => ({
	totals,
	months: [],
	tests: [],
	readiness: { ready: 0, onTrack: 0, atRisk: 0, oldest: null },
	...extra
});

/** Every count in the view (pass rates are percentages, not counts). */
function counts(view: MinistryView): Figure[] {
	const out: Figure[] = [];
	const walk = (value: unknown, key = '') => {
		if (key === 'passRate' || key === 'oldest') return;
		if (typeof value === 'number' || value === SUPPRESSED) out.push(value as Figure);
		else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
	};
	walk(view);
	return out;
}


describe('buildView', () => {
	it('never publishes a count under 5', () => {
		const view = buildView(aggregates({ Bali: { in_training: 3, ready: 40 }, Aceh: { in_training: 22, departed: 1, withdrawn: 7 } }));
		expect(counts(view).filter((f) => typeof f === 'number' && f < 5)).toEqual([]);
	});

	it('hides a second province when the total minus the others would reveal a small one', () => {
		// Departed: Bali 2, Aceh 9, Jambi 12; total 23. Hiding only Bali, 23 - 9 - 12 = 2 would remain.
		const view = buildView(
			aggregates({
				Bali: { in_training: 30, ready: 10, departed: 2, withdrawn: 6 },
				Aceh: { in_training: 30, ready: 10, departed: 9, withdrawn: 6 },
				Jambi: { in_training: 30, ready: 10, departed: 12, withdrawn: 6 }
			})
		);
		const province = view.breakdowns.find((b) => b.dimension === 'province')!;
		const departed = Object.fromEntries(province.rows.map((r) => [r.key, r.byStatus.departed]));
		expect(departed.Bali).toBe(SUPPRESSED);
		expect(departed.Aceh).toBe(SUPPRESSED);
		expect(departed.Jambi).toBe(12);
		expect(view.totals.byStatus.departed).toBe(23);
		// The row totals cannot be used either: each row with a hidden cell has another hidden cell.
		for (const row of province.rows) {
			const hidden = [...STATUSES.map((s) => row.byStatus[s]), row.total].filter((f) => f === SUPPRESSED).length;
			expect(hidden === 0 || hidden >= 2).toBe(true);
		}
	});

	it('no row, column or total of a breakdown can be solved for exactly one hidden figure', () => {
		const view = buildView(
			aggregates({
				Bali: { in_training: 12, ready: 3, departed: 8 },
				Aceh: { in_training: 25, ready: 9, departed: 1, withdrawn: 6 },
				Jambi: { in_training: 40, ready: 11, departed: 14, withdrawn: 2 },
				Papua: { in_training: 6 }
			})
		);
		const rows = view.breakdowns.find((b) => b.dimension === 'province')!.rows;
		const grid = [...rows.map((r) => [...STATUSES.map((s) => r.byStatus[s]), r.total]), [...STATUSES.map((s) => view.totals.byStatus[s]), view.totals.total]];
		const lines = [...grid, ...grid[0]!.map((_, c) => grid.map((row) => row[c]!))];
		for (const line of lines) expect(line.filter((f) => f === SUPPRESSED).length).not.toBe(1);
	});

	it('hides filtered totals when the unfiltered totals would give away the few left out', () => {
		// The filter keeps all but 3 in-training trainees of the nation.
		const view = buildView(
			aggregates({ Bali: { in_training: 50, ready: 20, departed: 10, withdrawn: 7 } }, { parents: [parent({ in_training: 53, ready: 40, departed: 20, withdrawn: 17 })] })
		);
		expect(view.totals.byStatus.in_training).toBe(SUPPRESSED);
		expect(view.totals.byStatus.ready).toBe(20);
		// The grand total stays (43 left out is plenty), so a second status is hidden with in-training.
		expect(view.totals.total).toBe(87);
		expect(view.totals.byStatus.withdrawn).toBe(SUPPRESSED);
		// A zero left out is also a figure about fewer than 5 trainees: "none of the others departed" stays unsaid.
		const zeroOutside = buildView(
			aggregates({ Bali: { in_training: 50, ready: 20, departed: 10, withdrawn: 7 } }, { parents: [parent({ in_training: 80, ready: 40, departed: 10, withdrawn: 17 })] })
		);
		expect(zeroOutside.totals.byStatus.departed).toBe(SUPPRESSED);
	});

	it('shows a filter that leaves nobody out as its parent view would', () => {
		const view = buildView(
			aggregates({ Bali: { in_training: 50, ready: 20 } }, { parents: [parent({ in_training: 50, ready: 20, departed: 0, withdrawn: 0 })] })
		);
		expect(view.totals.byStatus.in_training).toBe(50);
		expect(view.totals.total).toBe(70);
	});

	it('hides a filtered month or exam figure when the unfiltered one would give away the few left out', () => {
		const months = [{ month: '2026-10', joined: 50, departed: 10, activeTrainees: 50, reviews: 9000 }];
		const tests = [{ exam: 'jft_basic', takers: 30, passers: 20, attempts: 40, passedAttempts: 22 }];
		const view = buildView(
			aggregates(
				{ Bali: { in_training: 25, ready: 10, departed: 10, withdrawn: 5 } },
				{
					months,
					tests,
					parents: [
						parent(
							{ in_training: 60, ready: 30, departed: 30, withdrawn: 15 },
							{ months: [{ ...months[0]!, joined: 135, departed: 30, activeTrainees: 52 }], tests: [{ ...tests[0]!, takers: 33, passers: 23 }] }
						)
					]
				}
			)
		);
		// 2 more studied in October outside the filter; 3 more took JFT-Basic, all of whom passed (0 did not).
		expect(view.trends[0]!.activeTrainees).toBe(SUPPRESSED);
		expect(view.trends[0]!.joined).toBe(50);
		expect(view.tests[0]).toMatchObject({ takers: SUPPRESSED, passed: SUPPRESSED, notPassed: SUPPRESSED, passRate: null });
	});

	it('hides a month of departures that the departed total minus the other months would reveal', () => {
		const view = buildView(
			aggregates(
				{ Bali: { in_training: 40, ready: 10, departed: 20, withdrawn: 5 } },
				{
					months: [
						{ month: '2026-09', joined: 75, departed: 9, activeTrainees: 50, reviews: 9000 },
						{ month: '2026-10', joined: 0, departed: 8, activeTrainees: 45, reviews: 8000 },
						{ month: '2026-11', joined: 0, departed: 3, activeTrainees: 4, reviews: 300 }
					]
				}
			)
		);
		const departed = view.trends.map((t) => t.departed);
		expect(departed).toEqual([9, SUPPRESSED, SUPPRESSED]);
		// Reviews are about the trainees who studied: hidden with them.
		expect(view.trends[2]).toMatchObject({ activeTrainees: SUPPRESSED, reviews: SUPPRESSED });
		expect(view.trends[0]!.reviews).toBe(9000);
	});

	it('does not let the months minus the current total tell how many enrolments were deleted', () => {
		// 60 joined over three months, 58 still enrolled: 2 deleted since. All months shown would reveal that 2.
		const view = buildView(
			aggregates(
				{ Bali: { in_training: 30, ready: 10, departed: 10, withdrawn: 8 } },
				{
					months: [
						{ month: '2026-09', joined: 30, departed: 5, activeTrainees: 50, reviews: 9000 },
						{ month: '2026-10', joined: 20, departed: 0, activeTrainees: 45, reviews: 8000 },
						{ month: '2026-11', joined: 10, departed: 5, activeTrainees: 40, reviews: 7000 }
					]
				}
			)
		);
		expect(view.totals.total).toBe(58);
		expect(view.trends.map((t) => t.joined)).toEqual([30, 20, SUPPRESSED]);
	});

	it('gives a pass rate only when neither those who passed nor those who did not are few', () => {
		const view = buildView(
			aggregates(
				{ Bali: { in_training: 60 } },
				{
					tests: [
						{ exam: 'jft_basic', takers: 40, passers: 30, attempts: 70, passedAttempts: 31 },
						{ exam: 'jlpt_n4', takers: 20, passers: 18, attempts: 25, passedAttempts: 18 }
					]
				}
			)
		);
		expect(view.tests[0]).toEqual({ exam: 'jft_basic', takers: 40, passed: 30, notPassed: 10, passRate: 75 });
		// 2 did not pass N4: that and the 18 who did are hidden, and so is the rate.
		expect(view.tests[1]).toEqual({ exam: 'jlpt_n4', takers: 20, passed: SUPPRESSED, notPassed: SUPPRESSED, passRate: null });
	});

	it('protects the readiness levels like any other breakdown', () => {
		const view = buildView(
			aggregates({ Bali: { in_training: 30, ready: 10 } }, { readiness: { ready: 2, onTrack: 20, atRisk: 18, oldest: '2026-11-24T00:00:00Z' } })
		);
		expect(view.readiness.ready).toBe(SUPPRESSED);
		expect([view.readiness.onTrack, view.readiness.atRisk].filter((f) => f === SUPPRESSED)).toHaveLength(1);
	});

	it('holds for many random tables: nothing under 5 shown, and no line reveals what it hides', () => {
		let seed = 7;
		const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
		const count = () => (random() < 0.4 ? Math.floor(random() * 5) : 5 + Math.floor(random() * 60));
		for (let round = 0; round < 200; round++) {
			const provinces: Record<string, Partial<Record<Status, number>>> = {};
			const rows = 1 + Math.floor(random() * 6);
			for (let r = 0; r < rows; r++) provinces[`P${r}`] = Object.fromEntries(STATUSES.map((s) => [s, count()]));
			const data = aggregates(provinces);
			const view = buildView(data);
			expect(counts(view).filter((f) => typeof f === 'number' && f < 5)).toEqual([]);
			const shown = view.breakdowns.find((b) => b.dimension === 'province')!.rows;
			const truth = Object.values(provinces).map((c) => [...STATUSES.map((s) => c[s] ?? 0), STATUSES.reduce((n, s) => n + (c[s] ?? 0), 0)]);
			const grid = [...shown.map((r) => [...STATUSES.map((s) => r.byStatus[s]), r.total]), [...STATUSES.map((s) => view.totals.byStatus[s]), view.totals.total]];
			const real = [...truth, truth[0]!.map((_, c) => truth.reduce((n, row) => n + row[c]!, 0))];
			// Lines: each row (parts, then its total last) and each column (rows, then the totals row last).
			const lines: [Figure[], number[]][] = [
				...grid.map((row, r) => [row, real[r]!] as [Figure[], number[]]),
				...grid[0]!.map((_, c) => [grid.map((row) => row[c]!), real.map((row) => row[c]!)] as [Figure[], number[]])
			];
			for (const [line, values] of lines) {
				const hidden = line.map((f, i) => (f === SUPPRESSED ? i : -1)).filter((i) => i >= 0);
				expect(hidden.length).not.toBe(1);
				const totalShown = line[line.length - 1] !== SUPPRESSED;
				if (totalShown && hidden.length > 0) expect(hidden.reduce((n, i) => n + values[i]!, 0)).toBeGreaterThanOrEqual(5);
			}
		}
	});
});
