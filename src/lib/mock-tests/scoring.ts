import type { Blueprint, ScaleSpec } from './blueprints';
import { estimateAbility, pCorrect, type Ability } from './rasch';

export interface ItemResult {
	itemId: string;
	section: string;
	mondai: string;
	difficulty: number;
	/** null: not answered (counts as wrong, as on the real test). */
	correct: boolean | null;
}

export interface RawCount {
	id: string;
	correct: number;
	total: number;
}

export interface RawBreakdown extends RawCount {
	mondai: RawCount[];
}

/** Right answers per section and per mondai, in the blueprint's order. */
export function rawScores(results: readonly ItemResult[], blueprint: Blueprint): RawBreakdown[] {
	return blueprint.sections.map((section) => {
		const inSection = results.filter((r) => r.section === section.id);
		const mondai = section.mondai.map((m) => {
			const these = inSection.filter((r) => r.mondai === m.id);
			return { id: m.id, correct: these.filter((r) => r.correct).length, total: these.length };
		});
		return { id: section.id, correct: inSection.filter((r) => r.correct).length, total: inSection.length, mondai };
	});
}

/**
 * A fixed reference form per scale: the same ability gives the same scaled score whichever form was taken
 * (an easy form does not inflate it). Difficulties spread like a well-built form's, centred on 0.
 */
function referenceDifficulties(count: number): number[] {
	return Array.from({ length: Math.max(count, 1) }, (_, i) => -2 + (4 * (i + 0.5)) / Math.max(count, 1));
}

/** The score on the real scale expected of this ability: the reference form's share answered right. */
export function scaledScore(theta: number, scale: ScaleSpec, itemCount: number): number {
	const reference = referenceDifficulties(itemCount);
	const share = reference.reduce((sum, b) => sum + pCorrect(theta, b), 0) / reference.length;
	return Math.round(scale.min + (scale.max - scale.min) * share);
}

/** The real test's rule: the total reaches the pass mark and no section is under its minimum. */
export function passes(scaled: Record<string, number>, blueprint: Blueprint): boolean {
	const total = blueprint.scales.reduce((sum, s) => sum + (scaled[s.id] ?? s.min), 0);
	return total >= blueprint.total.pass && blueprint.scales.every((s) => s.minimum === null || (scaled[s.id] ?? s.min) >= s.minimum);
}

export interface ScaleResult {
	id: string;
	ability: Ability;
	scaled: number;
	/** An 80% band for the scaled score. */
	low: number;
	high: number;
	minimum: number | null;
}

export interface AttemptScore {
	raw: RawBreakdown[];
	scales: ScaleResult[];
	total: number;
	passed: boolean;
	/** Chance of passing the real test on a day like this one, given how uncertain the estimate is. */
	passProbability: number;
}

const Z80 = 1.2816;
// Points for integrating over each scale's uncertainty (Gauss–Hermite would be finer; this is plenty here).
const STEPS = Array.from({ length: 25 }, (_, i) => -3 + (6 * i) / 24);
const STEP_WEIGHTS = (() => {
	const raw = STEPS.map((z) => Math.exp(-0.5 * z * z));
	const sum = raw.reduce((s, w) => s + w, 0);
	return raw.map((w) => w / sum);
})();

export function scoreAttempt(results: readonly ItemResult[], blueprint: Blueprint): AttemptScore {
	const scales = blueprint.scales.map((scale) => {
		const sectionIds = new Set(blueprint.sections.filter((s) => s.scoredAs === scale.id).map((s) => s.id));
		const mine = results.filter((r) => sectionIds.has(r.section));
		const ability = estimateAbility(mine.map((r) => ({ difficulty: r.difficulty, correct: r.correct === true })));
		const count = mine.length;
		const right = mine.filter((r) => r.correct).length;
		return {
			id: scale.id,
			ability,
			scaled: scale.raw ? right : scaledScore(ability.theta, scale, count),
			low: scaledScore(ability.theta - Z80 * ability.se, scale, count),
			high: scaledScore(ability.theta + Z80 * ability.se, scale, count),
			minimum: scale.minimum,
			count
		};
	});
	const scaledNow = Object.fromEntries(scales.map((s) => [s.id, s.scaled]));
	// Integrate pass/fail over every scale's uncertainty (independent scales, normal posteriors).
	let passProbability = 0;
	const walk = (index: number, weight: number, scaled: Record<string, number>) => {
		if (index === scales.length) {
			if (passes(scaled, blueprint)) passProbability += weight;
			return;
		}
		const scale = scales[index]!;
		const spec = blueprint.scales[index]!;
		STEPS.forEach((z, i) => {
			walk(index + 1, weight * STEP_WEIGHTS[i]!, {
				...scaled,
				[scale.id]: scaledScore(scale.ability.theta + z * scale.ability.se, spec, scale.count)
			});
		});
	};
	walk(0, 1, {});
	return {
		raw: rawScores(results, blueprint),
		scales: scales.map(({ count: _count, ...rest }) => rest),
		total: Object.values(scaledNow).reduce((s, v) => s + v, 0),
		passed: passes(scaledNow, blueprint),
		passProbability
	};
}
