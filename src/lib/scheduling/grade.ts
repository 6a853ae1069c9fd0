import type { FSRS } from 'ts-fsrs';
import { fromCard, scheduler, toCard } from './engine';
import { DAY_MS, toInstant } from './time';
import { DEFAULT_STUDY_SETTINGS, type Rating, type ScheduleState, type StudySettings } from './types';

/**
 * The card's next state after one answer. `state` null means a card the trainee has never seen.
 *
 * Fuzz is deterministic: ts-fsrs seeds it with `${reviewedAt ms}_${reps}_${difficulty × stability}`,
 * all taken from these arguments, so replaying the same answers gives the same due dates.
 */
export function grade(
	state: ScheduleState | null,
	rating: Rating,
	reviewedAt: Date | string,
	settings: StudySettings = DEFAULT_STUDY_SETTINGS
): ScheduleState {
	return gradeWith(scheduler(settings), state, rating, toInstant(reviewedAt));
}

/** `grade` with a scheduler made once, for folding a long log. */
export function gradeWith(engine: FSRS, state: ScheduleState | null, rating: Rating, at: Date): ScheduleState {
	const card = toCard(state, at);
	// A phone clock set backwards must not break a study session; the server's time-sorted replay has the last word.
	const when = card.last_review && card.last_review > at ? card.last_review : at;
	const next = engine.next(card, when, rating).card;
	const cap = engine.parameters.maximum_interval;
	// ts-fsrs 5 keeps Hard < Good < Easy a day apart even past the cap (fixed upstream in ts-fsrs#456).
	if (next.scheduled_days > cap) {
		next.scheduled_days = cap;
		next.due = new Date(when.getTime() + cap * DAY_MS);
	}
	return fromCard(next);
}
