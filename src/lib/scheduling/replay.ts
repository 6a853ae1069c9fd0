import { scheduler } from './engine';
import { gradeWith } from './grade';
import { toInstant } from './time';
import { DEFAULT_STUDY_SETTINGS, type Review, type ScheduleState, type StudySettings } from './types';

interface TimedReview {
	review: Review;
	at: Date;
}

// Every field takes part, so even two corrupt copies of one id sort the same whatever order they arrived in.
function compare(a: TimedReview, b: TimedReview): number {
	return (
		a.at.getTime() - b.at.getTime() ||
		codeUnitOrder(a.review.id, b.review.id) ||
		a.review.rating - b.review.rating ||
		a.review.durationMs - b.review.durationMs ||
		codeUnitOrder(a.review.reviewedAt, b.review.reviewedAt)
	);
}

// Not localeCompare: the order must not depend on the phone's or the server's locale.
function codeUnitOrder(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** The reviews in the order they are applied: by time, then by id; each id once (its earliest copy). */
export function inReplayOrder(reviews: Iterable<Review>): Review[] {
	return timedInReplayOrder(reviews).map(({ review }) => review);
}

function timedInReplayOrder(reviews: Iterable<Review>): TimedReview[] {
	const timed = Array.from(reviews, (review) => ({ review, at: toInstant(review.reviewedAt) })).sort(compare);
	const seen = new Set<string>();
	const unique: TimedReview[] = [];
	for (const entry of timed) {
		if (seen.has(entry.review.id)) continue;
		seen.add(entry.review.id);
		unique.push(entry);
	}
	return unique;
}

/**
 * One card's state from its review log, whatever order the reviews arrived in and however often
 * a batch was resent. Equals what the device computed answer by answer with `grade`.
 * Null when the log is empty (a card never seen).
 */
export function replay(
	reviews: Iterable<Review>,
	settings: StudySettings = DEFAULT_STUDY_SETTINGS
): ScheduleState | null {
	const ordered = timedInReplayOrder(reviews);
	const cardId = ordered[0]?.review.cardId;
	if (ordered.some(({ review }) => review.cardId !== cardId)) {
		throw new Error(`replay() takes one card's reviews; got ${cardId} and others`);
	}
	const engine = scheduler(settings);
	let state: ScheduleState | null = null;
	for (const { review, at } of ordered) state = gradeWith(engine, state, review.rating, at);
	return state;
}

/** Every card's state from a log holding many cards' reviews. */
export function replayByCard(
	reviews: Iterable<Review>,
	settings: StudySettings = DEFAULT_STUDY_SETTINGS
): Map<string, ScheduleState> {
	const byCard = new Map<string, Review[]>();
	for (const review of reviews) {
		const log = byCard.get(review.cardId);
		if (log) log.push(review);
		else byCard.set(review.cardId, [review]);
	}
	const states = new Map<string, ScheduleState>();
	for (const [cardId, log] of byCard) {
		const state = replay(log, settings);
		if (state) states.set(cardId, state);
	}
	return states;
}
