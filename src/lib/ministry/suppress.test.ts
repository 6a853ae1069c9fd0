import { describe, expect, it } from 'vitest';
import { suppress, type Cell, type Relation } from './suppress';

const shown = (id: string, value: number): Cell => ({ id, value, kind: 'shown' });

/** Every way of filling the suppressed cells with non-negative integers that keeps all relations true. */
function solutions(cells: Cell[], relations: Relation[], hidden: Set<string>, limit = 40): Map<string, Set<number>> {
	const unknown = cells.filter((c) => hidden.has(c.id)).map((c) => c.id);
	const known = new Map(cells.filter((c) => !hidden.has(c.id)).map((c) => [c.id, c.value]));
	const found = new Map(unknown.map((id) => [id, new Set<number>()]));
	const assign = new Map<string, number>();
	const holds = () =>
		relations.every((r) => {
			const v = (id: string) => known.get(id) ?? assign.get(id)!;
			return v(r.total) === r.parts.reduce((s, p) => s + v(p), 0);
		});
	const walk = (i: number) => {
		if (i === unknown.length) {
			if (holds()) for (const [id, v] of assign) found.get(id)!.add(v);
			return;
		}
		for (let v = 0; v <= limit; v++) {
			assign.set(unknown[i]!, v);
			walk(i + 1);
		}
	};
	walk(0);
	return found;
}

/** A reader who sees the published cells cannot pin any suppressed cell below the threshold to one value. */
function expectNoSmallFigureDerivable(cells: Cell[], relations: Relation[], hidden: Set<string>) {
	for (const [id, values] of solutions(cells, relations, hidden)) {
		const truth = cells.find((c) => c.id === id)!.value;
		if (truth < 5) expect(values.size, `${id} (${truth}) can be worked out`).toBeGreaterThan(1);
	}
}

describe('suppress', () => {
	it('hides every shown figure under 5 and keeps the rest', () => {
		const cells = [shown('a', 4), shown('b', 5), shown('c', 0)];
		expect(suppress(cells, [])).toEqual(new Set(['a', 'c']));
	});

	it('hides a second cell when a total minus the other parts would give the small one away (the subtraction case)', () => {
		// total 40 = 30 + 7 + 3: hiding 3 alone, 40 - 30 - 7 = 3 is still there for anyone to compute.
		const cells = [shown('total', 40), shown('a', 30), shown('b', 7), shown('c', 3)];
		const relations = [{ total: 'total', parts: ['a', 'b', 'c'] }];
		const hidden = suppress(cells, relations);
		expect(hidden).toEqual(new Set(['c', 'b']));
		expectNoSmallFigureDerivable(cells, relations, hidden);
	});

	it('hides the next smallest figure rather than a bigger one', () => {
		const cells = [shown('total', 100), shown('a', 80), shown('b', 12), shown('c', 6), shown('d', 2)];
		const hidden = suppress(cells, [{ total: 'total', parts: ['a', 'b', 'c', 'd'] }]);
		expect(hidden).toEqual(new Set(['d', 'c']));
	});

	it('keeps hiding while the hidden parts together still hold fewer than 5 trainees', () => {
		// Hiding 1 and 2 leaves 3 derivable as their sum (30 - 27): a figure about fewer than 5 trainees.
		const cells = [shown('total', 30), shown('a', 20), shown('b', 7), shown('c', 1), shown('d', 2)];
		const relations = [{ total: 'total', parts: ['a', 'b', 'c', 'd'] }];
		const hidden = suppress(cells, relations);
		expect(hidden).toEqual(new Set(['c', 'd', 'b']));
	});

	it('hides the total when every part is hidden and their sum would be small', () => {
		const cells = [shown('total', 3), shown('a', 1), shown('b', 2)];
		expect(suppress(cells, [{ total: 'total', parts: ['a', 'b'] }])).toEqual(new Set(['total', 'a', 'b']));
	});

	it('protects a two-way table: a hidden cell is never alone in its row or its column', () => {
		// rows r1, r2, r3 × columns x, y, with row totals, column totals and the grand total.
		const grid = { r1: [20, 3], r2: [15, 9], r3: [30, 12] } as const;
		const cells: Cell[] = [];
		const relations: Relation[] = [];
		for (const [row, [x, y]] of Object.entries(grid)) {
			cells.push(shown(`${row}x`, x), shown(`${row}y`, y), shown(`${row}`, x + y));
			relations.push({ total: row, parts: [`${row}x`, `${row}y`] });
		}
		const colX = 20 + 15 + 30;
		const colY = 3 + 9 + 12;
		cells.push(shown('x', colX), shown('y', colY), shown('all', colX + colY));
		relations.push({ total: 'x', parts: ['r1x', 'r2x', 'r3x'] }, { total: 'y', parts: ['r1y', 'r2y', 'r3y'] });
		relations.push({ total: 'all', parts: ['x', 'y'] }, { total: 'all', parts: ['r1', 'r2', 'r3'] });
		const hidden = suppress(cells, relations);
		expect(hidden.has('r1y')).toBe(true);
		for (const r of relations) {
			const inRelation = [r.total, ...r.parts].filter((id) => hidden.has(id));
			expect(inRelation.length === 0 || inRelation.length >= 2).toBe(true);
		}
		expectNoSmallFigureDerivable(cells, relations, hidden);
	});

	it('hides a filtered total when the unfiltered total would give away the few left out', () => {
		// Everyone but 2 trainees is in the filter: national 50 (known) - filtered 48 = 2.
		const cells: Cell[] = [
			{ id: 'national', value: 50, kind: 'known' },
			shown('filtered', 48),
			{ id: 'outside', value: 2, kind: 'hidden' }
		];
		const relations = [{ total: 'national', parts: ['filtered', 'outside'] }];
		const hidden = suppress(cells, relations);
		expect(hidden.has('filtered')).toBe(true);
		expect(hidden.has('national')).toBe(false);
	});

	it('leaves a filtered total alone when the trainees left out are many', () => {
		const cells: Cell[] = [
			{ id: 'national', value: 50, kind: 'known' },
			shown('filtered', 30),
			{ id: 'outside', value: 20, kind: 'hidden' }
		];
		expect(suppress(cells, [{ total: 'national', parts: ['filtered', 'outside'] }])).toEqual(new Set(['outside']));
	});

	it('keeps a protected hidden figure from being worked out, so the one it unlocks stays unknown', () => {
		// months a + b = sum (hidden, protected); sum = current 58 + deleted 2 (hidden).
		const cells: Cell[] = [
			shown('a', 30),
			shown('b', 30),
			shown('current', 58),
			{ id: 'sum', value: 60, kind: 'hidden', protect: true },
			{ id: 'deleted', value: 2, kind: 'hidden' }
		];
		const relations = [
			{ total: 'sum', parts: ['a', 'b'] },
			{ total: 'sum', parts: ['current', 'deleted'] }
		];
		const hidden = suppress(cells, relations);
		expect(hidden.has('a') || hidden.has('b')).toBe(true);
		expect(hidden.has('current')).toBe(false);
		// Without the protection the sum would be left derivable, and with it the 2.
		expect(suppress(cells.map((c) => ({ ...c, protect: false })), relations).has('a')).toBe(false);
	});

	it('publishes nothing different for the same input (deterministic ties)', () => {
		const cells = [shown('t', 20), shown('a', 6), shown('b', 6), shown('c', 6), shown('d', 2)];
		const relations = [{ total: 't', parts: ['a', 'b', 'c', 'd'] }];
		expect(suppress(cells, relations)).toEqual(new Set(['d', 'a']));
		expect(suppress([...cells].reverse(), relations)).toEqual(new Set(['d', 'a']));
	});

	it('refuses a relation that names a cell it was not given', () => {
		expect(() => suppress([shown('a', 1)], [{ total: 'a', parts: ['b'] }])).toThrow(/unknown cell/);
	});
});
