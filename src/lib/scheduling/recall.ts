import { computeDecayFactor, forgetting_curve } from 'ts-fsrs';
import { scheduler } from './engine';
import { DAY_MS, toInstant } from './time';
import { DEFAULT_STUDY_SETTINGS, type ScheduleState, type StudySettings } from './types';

/**
 * Probability the trainee recalls the card at `at` (0–1); 0 for a card never studied.
 * Uses fractional days so the curve is smooth between midnights (ts-fsrs's own helper floors to whole days).
 */
export function retrievability(
	state: ScheduleState | null,
	at: Date,
	settings: StudySettings = DEFAULT_STUDY_SETTINGS
): number {
	return recallWith(curveWeights(settings), state, at);
}

/** Mean recall over a deck at `at`, unseen cards counting 0: "projected recall on the departure date". */
export function projectedRecall(
	states: readonly (ScheduleState | null)[],
	at: Date,
	settings: StudySettings = DEFAULT_STUDY_SETTINGS
): number {
	if (states.length === 0) return 0;
	const weights = curveWeights(settings);
	const total = states.reduce((sum, state) => sum + recallWith(weights, state, at), 0);
	return total / states.length;
}

/**
 * Reviews coming due on each of `days` days, day 0 starting at `from` (pass the start of the trainee's
 * local day). Day 0 also holds everything already overdue; new cards are not reviews and are left out.
 */
export function forecast(states: Iterable<ScheduleState | null>, from: Date, days: number): number[] {
	const counts = new Array<number>(Math.max(0, Math.floor(days))).fill(0);
	for (const state of states) {
		if (!state || state.state === 'New') continue;
		const day = Math.max(0, Math.floor((toInstant(state.due).getTime() - from.getTime()) / DAY_MS));
		if (day < counts.length) counts[day] = (counts[day] ?? 0) + 1;
	}
	return counts;
}

/**
 * The two constants of the trainee's forgetting curve R(t, S) = round8((1 + factor·t/S)^decay), t in days, as
 * ts-fsrs computes them from the scheduler's migrated weights (decay = -w[20], factor rounded to 8 places). For
 * code that evaluates the same curve elsewhere (the readiness query sums it in SQL).
 */
export function recallCurve(settings: StudySettings = DEFAULT_STUDY_SETTINGS): { decay: number; factor: number } {
	return computeDecayFactor(curveWeights(settings));
}

// The fitted decay (w[20]) differs per trainee, so the curve takes the scheduler's migrated weights.
function curveWeights(settings: StudySettings): readonly number[] {
	return scheduler(settings).parameters.w;
}

function recallWith(weights: readonly number[], state: ScheduleState | null, at: Date): number {
	if (!state || state.state === 'New' || state.last_review === null) return 0;
	const elapsedDays = Math.max(0, (at.getTime() - toInstant(state.last_review).getTime()) / DAY_MS);
	return forgetting_curve(weights, elapsedDays, state.stability);
}
