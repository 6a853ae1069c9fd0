// Statistical disclosure control for the ministry view: no figure about fewer than MIN_TRAINEES trainees may be
// published, whether shown directly or derivable by subtracting published figures of the same view.
//
// The view is a set of cells (counts of trainees) and additive relations between them (total = sum of parts:
// a row of a table and its row total, a column and its column total, a filtered total and the unfiltered total
// it is part of). Primary suppression hides every shown cell below the threshold. Complementary suppression
// then walks the relations until none can be solved for a hidden figure: in each relation either nothing is
// suppressed, or at least two members are (or the one is a large figure this view never shows, like the
// trainees a filter leaves out), and when the total is published the suppressed parts together (which the reader
// can compute as total minus the published parts) still hold at least MIN_TRAINEES trainees. When a
// relation fails that, the smallest published part (or, if none is left, its total) is suppressed too, and the
// walk starts over; it ends because every step suppresses one more cell.

export const MIN_TRAINEES = 5;

/**
 * shown: in the view, suppressed if it must be. known: not in this view but assumed known to the reader (the
 * unfiltered totals, published in another view): never suppressed. hidden: never published (the trainees a
 * filter leaves out): always counts as suppressed.
 */
export type CellKind = 'shown' | 'known' | 'hidden';

export interface Cell {
	id: string;
	value: number;
	kind: CellKind;
	/**
	 * A hidden cell that must not become derivable even when large: one that appears in more than one relation,
	 * whose value would unlock another. (A hidden cell of MIN_TRAINEES or more in one relation only may be
	 * derivable: the trainees a filter leaves out, say.)
	 */
	protect?: boolean;
}

/** total = sum of parts. */
export interface Relation {
	total: string;
	parts: readonly string[];
}

/** The ids of the cells that must not be published (hidden cells included). */
export function suppress(cells: readonly Cell[], relations: readonly Relation[], min = MIN_TRAINEES): Set<string> {
	const byId = new Map(cells.map((cell) => [cell.id, cell]));
	for (const relation of relations) {
		for (const id of [relation.total, ...relation.parts]) {
			if (!byId.has(id)) throw new Error(`relation refers to an unknown cell: ${id}`);
		}
	}
	const suppressed = new Set<string>();
	for (const cell of cells) {
		if (cell.kind === 'hidden' || (cell.kind === 'shown' && cell.value < min)) suppressed.add(cell.id);
	}
	const value = (id: string) => byId.get(id)!.value;
	const canSuppress = (id: string) => byId.get(id)!.kind === 'shown' && !suppressed.has(id);

	let changed = true;
	while (changed) {
		changed = false;
		for (const relation of relations) {
			const members = [relation.total, ...relation.parts];
			const hidden = members.filter((id) => suppressed.has(id));
			if (hidden.length === 0) continue;
			const totalHidden = suppressed.has(relation.total);
			// One suppressed member can be solved for; that matters unless it is a large figure never shown anyway.
			const only = byId.get(hidden[0]!)!;
			const alone = hidden.length === 1 && !(only.kind === 'hidden' && !only.protect && only.value >= min);
			const exposed = alone || (hidden.length > 1 && !totalHidden && hidden.reduce((sum, id) => sum + value(id), 0) < min);
			if (!exposed) continue;
			const next = pickNext(relation, canSuppress, value);
			if (next === null) continue; // only known figures are left: nothing in this view can protect it
			suppressed.add(next);
			changed = true;
		}
	}
	return suppressed;
}

/** The smallest published part, or the total when every part is suppressed already. */
function pickNext(relation: Relation, canSuppress: (id: string) => boolean, value: (id: string) => number): string | null {
	const parts = relation.parts.filter(canSuppress).sort((a, b) => value(a) - value(b) || a.localeCompare(b));
	if (parts.length > 0) return parts[0]!;
	return canSuppress(relation.total) ? relation.total : null;
}
