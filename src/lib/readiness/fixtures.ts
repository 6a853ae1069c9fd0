// Test data for the readiness tests: a fixed clock and a trainee who is Ready, for tests to spoil one part of.
import { DEFAULT_STUDY_SETTINGS, type ScheduleState, type StudySettings } from '$lib/scheduling';
import { DAY_MS } from '$lib/scheduling/time';
import type { MockTestResult, ReadinessInput } from './types';

export const NOW = new Date('2027-01-15T03:00:00.000Z');
/** 59 days after NOW: inside the score window, outside the final stretch. */
export const DEPARTURE = '2027-03-15';
export const SETTINGS: StudySettings = { ...DEFAULT_STUDY_SETTINGS, enableFuzz: false };

export const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY_MS);
export const dateIn = (days: number) => new Date(NOW.getTime() + days * DAY_MS).toISOString().slice(0, 10);

/** A review card last seen `lastSeenDaysAgo` days ago with the given stability (days until recall is 90%). */
export function card(stability: number, lastSeenDaysAgo = 1): ScheduleState {
	const last = daysAgo(lastSeenDaysAgo);
	return {
		due: new Date(last.getTime() + stability * DAY_MS).toISOString(),
		stability,
		difficulty: 5,
		elapsed_days: 0,
		scheduled_days: Math.round(stability),
		learning_steps: 0,
		reps: 6,
		lapses: 0,
		state: 'Review',
		last_review: last.toISOString()
	};
}

export function mockTest(passProbability: number, takenDaysAgo: number, extra: Partial<MockTestResult> = {}): MockTestResult {
	return {
		test: 'jft_basic',
		submittedAt: daysAgo(takenDaysAgo).toISOString(),
		passProbability,
		passed: passProbability >= 0.5,
		practice: false,
		...extra
	};
}

/** Ready on every count: recent real tests at 85%, a well-learnt deck, all lessons, studying most days. */
export function readyTrainee(overrides: Partial<ReadinessInput> = {}): ReadinessInput {
	return {
		cohort: { targetExam: 'jft_basic', departureDate: DEPARTURE },
		mockTests: [mockTest(0.85, 3), mockTest(0.8, 12)],
		coreDeck: { schedules: Array.from({ length: 20 }, () => card(800)), settings: SETTINGS },
		lessons: { culture: { done: 8, available: 8 }, protection: { done: 11, available: 11 } },
		activity: { daysStudied: 12, reviews: 640, minutes: 410 },
		...overrides
	};
}
