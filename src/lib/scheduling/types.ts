/** How the trainee answered a card: the four FSRS grades. */
export const Rating = { Again: 1, Hard: 2, Good: 3, Easy: 4 } as const;
export type Rating = (typeof Rating)[keyof typeof Rating];

/** Where a card is in its life: never seen, in (re)learning steps, or on day-based review. */
export type LearningPhase = 'New' | 'Learning' | 'Review' | 'Relearning';

/**
 * A card's memory and schedule as plain JSON, as IndexedDB and Postgres store it.
 * Field names mirror ts-fsrs's Card so that converting is only a matter of dates.
 */
export interface ScheduleState {
	due: string;
	stability: number;
	difficulty: number;
	elapsed_days: number;
	scheduled_days: number;
	learning_steps: number;
	reps: number;
	lapses: number;
	state: LearningPhase;
	last_review: string | null;
}

/** One answer, as the device records it and the server stores it (append-only). */
export interface Review {
	/** UUID made on the device; a time-ordered UUIDv7 keeps same-millisecond ties in answer order. */
	id: string;
	cardId: string;
	rating: Rating;
	/** ISO 8601 instant with a zone (Z or ±hh:mm). */
	reviewedAt: string;
	durationMs: number;
}

/** A (re)learning step such as '1m', '10m', '1h' or '1d'. */
export type Step = `${number}${'m' | 'h' | 'd'}`;

export interface StudySettings {
	/** Probability of recall the schedule aims for when a card comes due (0.7–0.97 is sensible). */
	desiredRetention: number;
	maximumIntervalDays: number;
	/** Spreads cards learnt together over nearby days, so they do not all come back on the same day. */
	enableFuzz: boolean;
	learningSteps: readonly Step[];
	relearningSteps: readonly Step[];
	/** The trainee's fitted FSRS parameters; ts-fsrs's defaults when absent. */
	weights?: readonly number[];
}

export const DEFAULT_STUDY_SETTINGS: Readonly<StudySettings> = Object.freeze({
	desiredRetention: 0.9,
	maximumIntervalDays: 36500,
	enableFuzz: true,
	learningSteps: Object.freeze(['1m', '10m'] as const),
	relearningSteps: Object.freeze(['10m'] as const)
});

/** True for a step string ts-fsrs accepts (whole minutes, hours or days). */
export function isStep(value: string): value is Step {
	return /^\d+[mhd]$/.test(value);
}
