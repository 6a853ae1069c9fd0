import { describe, expect, it } from 'vitest';
import { calibrate, estimateAbility, pCorrect, type Observation } from './rasch';

function seeded(seed: number) {
	let state = seed >>> 0;
	return () => {
		state = (state * 1664525 + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

function normal(random: () => number): number {
	return Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
}

function correlation(a: number[], b: number[]): number {
	const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
	const ma = mean(a);
	const mb = mean(b);
	let num = 0;
	let da = 0;
	let db = 0;
	a.forEach((x, i) => {
		num += (x - ma) * (b[i]! - mb);
		da += (x - ma) ** 2;
		db += (b[i]! - mb) ** 2;
	});
	return num / Math.sqrt(da * db);
}

describe('Rasch scoring', () => {
	it('estimates a higher ability with each added correct answer', () => {
		const difficulties = [-1.5, -1, -0.5, 0, 0, 0.5, 1, 1.5, 2, -2];
		let previous = -Infinity;
		for (let right = 0; right <= difficulties.length; right++) {
			const { theta } = estimateAbility(difficulties.map((difficulty, i) => ({ difficulty, correct: i < right })));
			expect(theta).toBeGreaterThan(previous);
			previous = theta;
		}
	});

	it('is more certain with more answers', () => {
		const few = estimateAbility([{ difficulty: 0, correct: true }, { difficulty: 0, correct: false }]);
		const many = estimateAbility(Array.from({ length: 40 }, (_, i) => ({ difficulty: 0, correct: i % 2 === 0 })));
		expect(many.se).toBeLessThan(few.se);
	});

	it('recovers simulated item difficulties from 2,000+ responses (correlation ≥ 0.9)', () => {
		const random = seeded(42);
		const items = Array.from({ length: 40 }, (_, i) => ({ id: `item-${i}`, truth: -2.5 + (5 * i) / 39 }));
		const observations: Observation[] = [];
		for (let p = 0; p < 150; p++) {
			const theta = normal(random);
			// Each person answers 20 of the 40 items, as different forms would.
			for (const item of items.filter((_, i) => (i + p) % 2 === 0)) {
				observations.push({ person: `p${p}`, item: item.id, correct: random() < pCorrect(theta, item.truth) });
			}
		}
		expect(observations.length).toBeGreaterThanOrEqual(2000);
		// Authors guessed badly: every item authored at 0.
		const calibrated = calibrate(observations, new Map(items.map((i) => [i.id, 0])));
		const r = correlation(items.map((i) => i.truth), items.map((i) => calibrated.get(i.id)!));
		expect(r).toBeGreaterThanOrEqual(0.9);
	});
});
