import { describe, expect, it } from 'vitest';
import { blueprints, itemsPerForm } from './blueprints';
import { assembleForms, type BankUnit } from './forms';

/** A bank with `forms` forms' worth of every mondai, passages holding 1–3 questions. */
function bank(test: keyof typeof blueprints, forms: number, extra = 0): BankUnit[] {
	const units: BankUnit[] = [];
	for (const section of blueprints[test].sections) {
		for (const mondai of section.mondai) {
			let left = mondai.count * forms + extra;
			let n = 0;
			while (left > 0) {
				const size = Math.min(left, mondai.id.startsWith('naiyou') && n % 2 === 0 ? 2 : 1);
				units.push({ unit: `${mondai.id}-${n}`, section: section.id, mondai: mondai.id, items: Array.from({ length: size }, (_, i) => ({ id: `${mondai.id}-${n}-${i}` })) });
				left -= size;
				n++;
			}
		}
	}
	return units;
}

describe('form assembly', () => {
	it.each(['jlpt_n5', 'jlpt_n4', 'jft_basic', 'caregiving_japanese'] as const)('meets the %s blueprint exactly, with no item on two forms', (test) => {
		const forms = assembleForms(bank(test, 3, 1), blueprints[test]);
		expect(forms).toHaveLength(3);
		const seen = new Set<string>();
		for (const form of forms) {
			for (const section of blueprints[test].sections) {
				const units = form.sections.find((s) => s.id === section.id)!.units;
				for (const mondai of section.mondai) {
					const count = units.filter((u) => u.mondai === mondai.id).reduce((n, u) => n + u.items.length, 0);
					expect(count, `${form.number} ${section.id} ${mondai.id}`).toBe(mondai.count);
				}
			}
			const items = form.sections.flatMap((s) => s.units.flatMap((u) => u.items.map((i) => i.id)));
			expect(items).toHaveLength(itemsPerForm(blueprints[test]));
			for (const id of items) {
				expect(seen.has(id)).toBe(false);
				seen.add(id);
			}
		}
	});

	it('makes no form when a mondai is short of items', () => {
		const short = bank('caregiving_japanese', 1).filter((u) => !u.unit.startsWith('kaigo_bunsho-0'));
		expect(assembleForms(short, blueprints.caregiving_japanese)).toEqual([]);
	});
});
