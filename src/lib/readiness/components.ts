// Each component of readiness measured on its own, 0–1, before the rule in assess.ts combines them.
import { daysUntil } from '$lib/cohorts/departure';
import type { TestType } from '$lib/mock-tests/blueprints';
import { projectedRecall } from '$lib/scheduling';
import { DAY_MS, toInstant } from '$lib/scheduling/time';
import { READINESS_RULES } from './rules';
import type { AssessInput, LessonProgress, MockTestResult, RecentActivity } from './types';

const clamp01 = (value: number) => (Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0);

export interface MockTestEvidence {
	/** Mean pass chance of the recent real attempts; null when there is none. */
	passProbability: number | null;
	attempts: number;
	passed: number;
	/** Whole days since the latest real attempt; null when there has never been one. */
	daysSince: number | null;
	practiceAttempts: number;
}

/** What the latest real attempts at the target exam say; practice attempts and other exams are left out. */
export function mockTestEvidence(results: readonly MockTestResult[], targetExam: TestType, now: Date): MockTestEvidence {
	const forExam = results
		.filter((r) => r.test === targetExam)
		.map((r) => ({ ...r, at: toInstant(r.submittedAt).getTime() }))
		// A result "from the future" is a skewed device clock, not evidence yet.
		.filter((r) => r.at <= now.getTime());
	const real = forExam.filter((r) => !r.practice).sort((a, b) => b.at - a.at);
	const latest = real[0];
	const daysSince = latest ? Math.floor((now.getTime() - latest.at) / DAY_MS) : null;
	const recent = real
		.filter((r) => now.getTime() - r.at <= READINESS_RULES.mockTest.recentDays * DAY_MS)
		.slice(0, READINESS_RULES.mockTest.attempts);
	const passProbability =
		recent.length === 0 ? null : recent.reduce((sum, r) => sum + clamp01(r.passProbability), 0) / recent.length;
	return {
		passProbability,
		attempts: recent.length,
		passed: recent.filter((r) => r.passed).length,
		daysSince,
		practiceAttempts: forExam.length - real.length
	};
}

export interface Departure {
	date: string | null;
	/** Calendar days from today; negative once departed, null when unset. */
	daysLeft: number | null;
	/** When recall is projected: the departure day, or now once it has passed or when it is unknown. */
	projectAt: Date;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function departure(date: string | null, now: Date): Departure {
	if (date === null) return { date, daysLeft: null, projectAt: now };
	const start = Date.parse(`${date}T00:00:00Z`);
	if (!ISO_DATE.test(date) || Number.isNaN(start) || new Date(start).toISOString().slice(0, 10) !== date) {
		throw new RangeError(`Not a departure date (YYYY-MM-DD): ${date}`);
	}
	const daysLeft = daysUntil(date, now);
	// Midnight UTC of the departure day (07:00 in Jakarta); recall cannot be projected into the past.
	return { date, daysLeft, projectAt: new Date(Math.max(start, now.getTime())) };
}

export interface DeckRecall {
	/** Mean recall at the projection date; null for an empty deck. */
	value: number | null;
	studied: number;
	of: number;
}

export function deckRecall(deck: AssessInput['coreDeck'], at: Date): DeckRecall {
	if ('recallSum' in deck) {
		// A sum projected to another day would give a wrong figure that looks right.
		if (deck.projectedAt !== at.toISOString()) throw new RangeError(`Deck recall projected at ${deck.projectedAt}, not ${at.toISOString()}`);
		return { value: deck.of === 0 ? null : deck.recallSum / deck.of, studied: deck.studied, of: deck.of };
	}
	const of = deck.schedules.length;
	const studied = deck.schedules.filter((s) => s !== null && s.state !== 'New').length;
	return { value: of === 0 ? null : projectedRecall(deck.schedules, at, deck.settings), studied, of };
}

/** Share of lessons done; null when none are published for the sector. */
export function lessonShare(progress: LessonProgress): number | null {
	return progress.available > 0 ? clamp01(progress.done / progress.available) : null;
}

export function activityShare(activity: RecentActivity): number {
	return clamp01(activity.daysStudied / READINESS_RULES.activity.targetDays);
}
