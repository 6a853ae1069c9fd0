// The Rasch model: the chance a person of ability θ answers an item of difficulty b correctly.
export const pCorrect = (theta: number, difficulty: number): number => 1 / (1 + Math.exp(difficulty - theta));

export interface Response {
	difficulty: number;
	correct: boolean;
}

export interface Ability {
	theta: number;
	/** Posterior standard deviation: how uncertain the estimate is. */
	se: number;
}

// Quadrature grid for the posterior: fine enough for scores, cheap enough for a phone.
const GRID = Array.from({ length: 121 }, (_, i) => -6 + i * 0.1);

/**
 * Expected a posteriori ability under a standard normal prior. Defined for every pattern (all right, all
 * wrong, none answered) and rises with every added correct answer.
 */
export function estimateAbility(responses: readonly Response[]): Ability {
	let weightSum = 0;
	let mean = 0;
	const weights = GRID.map((theta) => {
		let logLikelihood = -0.5 * theta * theta;
		for (const r of responses) {
			const p = pCorrect(theta, r.difficulty);
			logLikelihood += Math.log(r.correct ? p : 1 - p);
		}
		return logLikelihood;
	});
	const peak = Math.max(...weights);
	const posterior = weights.map((w) => Math.exp(w - peak));
	GRID.forEach((theta, i) => {
		weightSum += posterior[i]!;
		mean += theta * posterior[i]!;
	});
	mean /= weightSum;
	let variance = 0;
	GRID.forEach((theta, i) => (variance += (theta - mean) ** 2 * posterior[i]!));
	return { theta: mean, se: Math.sqrt(variance / weightSum) };
}

export interface Observation {
	person: string;
	item: string;
	correct: boolean;
}

/**
 * Item difficulties from collected responses (joint maximum likelihood with a normal prior around the
 * authored difficulty, so an item few people answered stays near what its writer judged). Centred on the
 * authored mean, so scales stay comparable as data grows.
 */
export function calibrate(observations: readonly Observation[], authored: ReadonlyMap<string, number>, iterations = 30): Map<string, number> {
	const items = [...authored.keys()];
	const difficulty = new Map(authored);
	const people = [...new Set(observations.map((o) => o.person))];
	const ability = new Map(people.map((p) => [p, 0]));
	const byPerson = new Map<string, Observation[]>();
	const byItem = new Map<string, Observation[]>();
	for (const o of observations) {
		if (!authored.has(o.item)) continue;
		(byPerson.get(o.person) ?? byPerson.set(o.person, []).get(o.person)!).push(o);
		(byItem.get(o.item) ?? byItem.set(o.item, []).get(o.item)!).push(o);
	}
	const clamp = (x: number) => Math.max(-5, Math.min(5, x));
	for (let round = 0; round < iterations; round++) {
		for (const [person, answers] of byPerson) {
			let theta = ability.get(person)!;
			let gradient = -theta; // N(0, 1) prior keeps perfect scores finite
			let information = 1;
			for (const o of answers) {
				const p = pCorrect(theta, difficulty.get(o.item)!);
				gradient += (o.correct ? 1 : 0) - p;
				information += p * (1 - p);
			}
			theta = clamp(theta + gradient / information);
			ability.set(person, theta);
		}
		for (const item of items) {
			const answers = byItem.get(item) ?? [];
			const prior = authored.get(item)!;
			let b = difficulty.get(item)!;
			let gradient = -(b - prior);
			let information = 1;
			for (const o of answers) {
				const p = pCorrect(ability.get(o.person)!, b);
				gradient += p - (o.correct ? 1 : 0);
				information += p * (1 - p);
			}
			difficulty.set(item, clamp(b + gradient / information));
		}
		// Keep the scale where the authors put it.
		const shift =
			items.reduce((s, i) => s + difficulty.get(i)!, 0) / items.length - items.reduce((s, i) => s + authored.get(i)!, 0) / items.length;
		for (const i of items) difficulty.set(i, difficulty.get(i)! - shift);
	}
	return difficulty;
}
