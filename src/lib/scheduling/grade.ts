import type { FSRS, Grade } from 'ts-fsrs';
import { fromCard, scheduler, toCard } from './engine';
import { toInstant } from './time';
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
	const grade: Grade = rating;
	return fromCard(engine.next(card, when, grade).card);
}
