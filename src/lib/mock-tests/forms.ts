import type { Blueprint } from './blueprints';

export interface BankUnit {
	unit: string;
	section: string;
	mondai: string;
	items: { id: string }[];
	/** Items sharing a passage or a script stay together; stand-alone items may go to different forms. */
	passage?: unknown;
	script?: unknown;
}

/** Stand-alone items are dealt one by one; a passage's or a script's questions go together. */
function dealable(unit: BankUnit): BankUnit[] {
	if (unit.passage || unit.script || unit.items.length === 1) return [unit];
	return unit.items.map((item) => ({ ...unit, unit: `${unit.unit}/${item.id}`, items: [item] }));
}

export interface Form {
	number: number;
	/** Units per section in the blueprint's order (mondai by mondai). */
	sections: { id: string; units: BankUnit[] }[];
}

/**
 * Distinct forms from the bank: for each mondai, units (with all their items: a passage's questions stay
 * together) are dealt to form 1, 2, 3… until each has exactly the blueprint's count. No item is on two forms.
 * Deterministic: the same bank always gives the same forms.
 */
export function assembleForms(bank: readonly BankUnit[], blueprint: Blueprint): Form[] {
	const perMondai = new Map<string, BankUnit[][]>();
	for (const section of blueprint.sections) {
		for (const mondai of section.mondai) {
			const pool = bank
				.filter((u) => u.section === section.id && u.mondai === mondai.id)
				.flatMap(dealable)
				.sort((a, b) => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
			const dealt: BankUnit[][] = [];
			const used = new Set<string>();
			while (true) {
				const chosen = pick(pool.filter((u) => !used.has(u.unit)), mondai.count);
				if (!chosen) break;
				for (const u of chosen) used.add(u.unit);
				dealt.push(chosen);
			}
			perMondai.set(`${section.id}/${mondai.id}`, dealt);
		}
	}
	const formCount = Math.min(...[...perMondai.values()].map((dealt) => dealt.length));
	return Array.from({ length: formCount }, (_, f) => ({
		number: f + 1,
		sections: blueprint.sections.map((section) => ({
			id: section.id,
			units: section.mondai.flatMap((m) => perMondai.get(`${section.id}/${m.id}`)![f]!)
		}))
	}));
}

/** Units whose items add up to exactly `need`, taken in order (smallest fitting set found first). */
function pick(units: BankUnit[], need: number): BankUnit[] | null {
	const chosen: BankUnit[] = [];
	const search = (start: number, left: number): boolean => {
		if (left === 0) return true;
		for (let i = start; i < units.length; i++) {
			const size = units[i]!.items.length;
			if (size > left) continue;
			chosen.push(units[i]!);
			if (search(i + 1, left - size)) return true;
			chosen.pop();
		}
		return false;
	};
	return search(0, need) ? chosen : null;
}
