import type { TestType } from '$lib/mock-tests/blueprints';
import type { ScheduleState, StudySettings } from '$lib/scheduling';

/** One submitted mock-test attempt, as its AttemptScore and attempt row give it. */
export interface MockTestResult {
	test: TestType;
	/** ISO 8601 instant with a zone. */
	submittedAt: string;
	passProbability: number;
	passed: boolean;
	/** Taken with listening as a transcript: left out of readiness (see READINESS_FORMULA). */
	practice: boolean;
}

export interface LessonProgress {
	done: number;
	available: number;
}

/** Study over the last READINESS_RULES.activity.windowDays local days. */
export interface RecentActivity {
	daysStudied: number;
	reviews: number;
	minutes: number;
}

/** Everything the model needs about one trainee; the server assembles it. */
export interface ReadinessInput {
	cohort: { targetExam: TestType; departureDate: string | null };
	mockTests: readonly MockTestResult[];
	/** One entry per card of the sector core deck; null for a card never studied. */
	coreDeck: { schedules: readonly (ScheduleState | null)[]; settings: StudySettings };
	lessons: { culture: LessonProgress; protection: LessonProgress };
	activity: RecentActivity;
}

/**
 * The core deck already summed where it is stored (src/lib/server/readiness sums it in SQL): the same figures
 * deckRecall takes from the card list, so a cohort's 60,000 schedules need not travel to the server.
 */
export interface DeckSummary {
	/** The instant the recall was projected at, ISO 8601; must be the model's projection date (checked). */
	projectedAt: string;
	/** Sum over the core deck of each card's projected recall (retrievability), never-studied cards adding 0. */
	recallSum: number;
	/** Cards studied (in the deck and past New). */
	studied: number;
	/** Cards of the core deck. */
	of: number;
}

/** What assess takes: a ReadinessInput, or one whose core deck is already summed. */
export type AssessInput = Omit<ReadinessInput, 'coreDeck'> & { coreDeck: ReadinessInput['coreDeck'] | DeckSummary };

export type ReadinessLevel = 'ready' | 'on_track' | 'at_risk';
export type ComponentName = 'mockTest' | 'recall' | 'protection' | 'culture' | 'activity';

export interface Component {
	/** 0–1; null when there is nothing to measure (no core deck, no lessons published). */
	value: number | null;
	/** The weight actually used: 0 when value is null, the others scaled up to sum to 1. */
	weight: number;
}

/** Why a trainee has their level: a code and its numbers, put into words by the UI. */
export type Reason =
	| { code: 'no_mock_test'; practiceAttempts: number }
	| { code: 'no_recent_mock_test'; daysSince: number; maxDays: number }
	| { code: 'mock_test_pass_chance_low'; passProbability: number; target: number; attempts: number }
	| { code: 'mock_test_pass_chance_good'; passProbability: number; target: number; attempts: number; passed: number }
	| { code: 'projected_recall_low'; recall: number; target: number; projectedOn: string; studied: number; of: number }
	| { code: 'projected_recall_good'; recall: number; target: number; projectedOn: string }
	| { code: 'core_deck_empty' }
	| { code: 'protection_lessons_missing'; done: number; of: number }
	| { code: 'protection_lessons_complete'; of: number }
	| { code: 'culture_lessons_missing'; done: number; of: number }
	| { code: 'culture_lessons_complete'; of: number }
	| { code: 'lessons_unavailable'; kind: 'culture' | 'protection' }
	| { code: 'inactive'; daysStudied: number; of: number; minimum: number }
	| { code: 'active'; daysStudied: number; of: number; reviews: number; minutes: number }
	| { code: 'score_low'; score: number; threshold: number }
	| { code: 'departure_soon'; daysLeft: number; withinDays: number }
	| { code: 'departure_passed'; daysAgo: number }
	| { code: 'departure_unset' };

export type ReasonCode = Reason['code'];

export interface Readiness {
	level: ReadinessLevel;
	/** 0–1, the weighted mean of the components. */
	score: number;
	reasons: Reason[];
	components: Record<ComponentName, Component>;
}
