// What the Progress page shows, as the server computes it (src/lib/server/study/progress.ts).
import type { LearningPhase } from '$lib/scheduling';

/** Reviews on one of the trainee's local calendar days, split by the grade given. */
export interface DayReviews {
	/** YYYY-MM-DD in the trainee's time zone. */
	day: string;
	total: number;
	again: number;
	hard: number;
	good: number;
	easy: number;
}

/** The four grades in rating order (Again = 1 … Easy = 4), as DayReviews names them. */
export const GRADES = ['again', 'hard', 'good', 'easy'] as const satisfies readonly (keyof DayReviews)[];
export type Grade = (typeof GRADES)[number];

/** True retention: of the reviews of cards already learnt (last seen a day or more before), how many were recalled. */
export interface Retention {
	/** Graded Hard, Good or Easy. */
	recalled: number;
	/** The sample: every such review in the period. */
	reviews: number;
	/** The share the schedule aims for (the cohort's desired retention). */
	target: number;
}

export type CardStates = Record<LearningPhase, number>;

/** How many of a group's deck cards the trainee would recall now with probability ≥ MASTERED_RECALL. */
export interface MasteryCount {
	cards: number;
	mastered: number;
}

export interface TrackMastery extends MasteryCount {
	id: string;
	title: { ja: string; id: string; en: string };
}

export interface SceneMastery extends MasteryCount {
	/** The scene tag as the content uses it, in Japanese (e.g. 食事介助). */
	scene: string;
}

export interface Progress {
	tzOffsetMinutes: number;
	/** The last PROGRESS_DAYS local days, oldest first, days without reviews included. */
	days: DayReviews[];
	retention: Retention;
	states: CardStates;
	tracks: TrackMastery[];
	/** Weakest first, so the scenes to practise lead. */
	scenes: SceneMastery[];
}
