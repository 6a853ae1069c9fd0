import { describe, expect, it } from 'vitest';
import { blueprints } from './blueprints';
import { passes, scoreAttempt, type ItemResult } from './scoring';

const n4 = blueprints.jlpt_n4;

function results(blueprint = n4, right: (section: string, index: number) => boolean): ItemResult[] {
	return blueprint.sections.flatMap((section) =>
		section.mondai.flatMap((m) =>
			Array.from({ length: m.count }, (_, i) => ({
				itemId: `${section.id}-${m.id}-${i}`,
				section: section.id,
				mondai: m.id,
				difficulty: -1.5 + (3 * i) / Math.max(1, m.count - 1),
				correct: right(section.id, i)
			}))
		)
	);
}

describe('JLPT pass rules', () => {
	it('fails a total above the pass mark when one section is under its minimum', () => {
		expect(passes({ language_reading: 110, listening: 18 }, n4)).toBe(false);
		expect(110 + 18).toBeGreaterThan(n4.total.pass);
		expect(passes({ language_reading: 72, listening: 19 }, n4)).toBe(true);
		expect(passes({ language_reading: 70, listening: 19 }, n4)).toBe(false);
		expect(passes({ language_reading: 61, listening: 19 }, blueprints.jlpt_n5)).toBe(true);
	});

	it('scores a strong reader who misses all the listening as failing, whatever the total', () => {
		const score = scoreAttempt(results(n4, (section) => section !== 'listening'), n4);
		const listening = score.scales.find((s) => s.id === 'listening')!;
		expect(listening.scaled).toBeLessThan(19);
		expect(score.passed).toBe(false);
		expect(score.passProbability).toBeLessThan(0.05);
	});

	it('raises the scaled estimate with each added correct answer', () => {
		const items = results(n4, () => false);
		let previousTotal = -1;
		let previousAbility = -Infinity;
		for (let k = 0; k <= items.length; k++) {
			const score = scoreAttempt(items.map((item, i) => ({ ...item, correct: i < k })), n4);
			const ability = score.scales.reduce((sum, s) => sum + s.ability.theta, 0);
			expect(ability).toBeGreaterThan(previousAbility); // strictly, answer by answer
			expect(score.total).toBeGreaterThanOrEqual(previousTotal); // whole points may stay put
			previousAbility = ability;
			previousTotal = score.total;
		}
		expect(previousTotal).toBeGreaterThan(150);
	});

	it('reports raw scores per section and mondai, and a pass probability that follows the estimate', () => {
		const score = scoreAttempt(results(n4, (_, i) => i % 4 !== 0), n4);
		expect(score.raw.map((s) => s.id)).toEqual(['vocabulary', 'grammar_reading', 'listening']);
		expect(score.raw[0]!.mondai.map((m) => m.total)).toEqual([7, 5, 8, 4, 4]);
		expect(score.passed).toBe(true);
		expect(score.passProbability).toBeGreaterThan(0.5);
		for (const scale of score.scales) {
			expect(scale.low).toBeLessThanOrEqual(scale.scaled);
			expect(scale.high).toBeGreaterThanOrEqual(scale.scaled);
		}
	});

	it('puts JFT-Basic-style results on its 10–250 scale with 200 as A2', () => {
		const jft = blueprints.jft_basic;
		const strong = scoreAttempt(results(jft, () => true), jft);
		const weak = scoreAttempt(results(jft, () => false), jft);
		expect(strong.total).toBeGreaterThanOrEqual(200);
		expect(strong.total).toBeLessThanOrEqual(250);
		expect(weak.total).toBeGreaterThanOrEqual(10);
		expect(weak.passed).toBe(false);
	});
});
