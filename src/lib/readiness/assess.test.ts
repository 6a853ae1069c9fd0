import { describe, expect, it } from 'vitest';
import { grade, Rating } from '$lib/scheduling';
import { assess, isStrength } from './assess';
import { NOW, SETTINGS, card, dateIn, daysAgo, mockTest, readyTrainee } from './fixtures';
import { READINESS_FORMULA, READINESS_RULES } from './rules';
import type { ReadinessInput } from './types';

const codes = (input: ReadinessInput) => assess(input, NOW).reasons.map((r) => r.code);
const problems = (input: ReadinessInput) => assess(input, NOW).reasons.filter((r) => !isStrength(r)).map((r) => r.code);
const withCohort = (departureDate: string | null, rest: Partial<ReadinessInput> = {}) =>
	readyTrainee({ cohort: { targetExam: 'jft_basic', departureDate }, ...rest });
/** Half the deck never studied: low recall on any date. */
const halfStudied = { schedules: [...Array.from({ length: 10 }, () => card(800)), ...Array<null>(10).fill(null)], settings: SETTINGS };

describe('levels', () => {
	it('is Ready when every target is met, with only strengths as reasons', () => {
		const result = assess(readyTrainee(), NOW);
		expect(result.level).toBe('ready');
		expect(result.reasons.map((r) => r.code)).toStrictEqual([
			'mock_test_pass_chance_good',
			'projected_recall_good',
			'protection_lessons_complete',
			'culture_lessons_complete',
			'active'
		]);
		expect(result.reasons[0]).toMatchObject({ passProbability: 0.825, target: 0.7, attempts: 2, passed: 2 });
		expect(result.reasons[1]).toMatchObject({ target: 0.8, projectedOn: '2027-03-15' });
		expect(result.score).toBeGreaterThan(0.9);
	});

	it('is On track when the pass chance is short of the target two months out', () => {
		const input = readyTrainee({ mockTests: [mockTest(0.6, 2)] });
		expect(assess(input, NOW).level).toBe('on_track');
		expect(problems(input)).toStrictEqual(['mock_test_pass_chance_low']);
		expect(assess(input, NOW).reasons[0]).toStrictEqual({ code: 'mock_test_pass_chance_low', passProbability: 0.6, target: 0.7, attempts: 1 });
	});

	it('is On track far from departure even with a low score, as long as the trainee studies', () => {
		const input = withCohort(dateIn(200), { mockTests: [], coreDeck: halfStudied });
		const result = assess(input, NOW);
		expect(result.score).toBeLessThan(READINESS_RULES.atRiskScore);
		expect(result.level).toBe('on_track');
		expect(problems(input)).toStrictEqual(['no_mock_test', 'projected_recall_low']);
	});

	it('is At risk when the trainee hardly studies, however far away departure is', () => {
		const input = withCohort(dateIn(300), { activity: { daysStudied: 2, reviews: 40, minutes: 15 } });
		expect(assess(input, NOW).level).toBe('at_risk');
		expect(assess(input, NOW).reasons).toContainEqual({ code: 'inactive', daysStudied: 2, of: 14, minimum: 4 });
		expect(problems(input)).toStrictEqual(['inactive']);
	});

	it('is At risk in the last 30 days when anything is short, and says departure is near', () => {
		const input = withCohort(dateIn(20), { lessons: { culture: { done: 8, available: 8 }, protection: { done: 3, available: 11 } } });
		expect(assess(input, NOW).level).toBe('at_risk');
		expect(assess(input, NOW).reasons.slice(0, 2)).toStrictEqual([
			{ code: 'departure_soon', daysLeft: 20, withinDays: 30 },
			{ code: 'protection_lessons_missing', done: 3, of: 11 }
		]);
	});

	it('is At risk within 90 days when the score is below 50%', () => {
		const input = readyTrainee({ mockTests: [], coreDeck: halfStudied });
		const result = assess(input, NOW);
		expect(result.level).toBe('at_risk');
		expect(result.reasons[0]).toStrictEqual({ code: 'score_low', score: result.score, threshold: 0.5 });
		expect(problems(input)).toStrictEqual(['score_low', 'no_mock_test', 'projected_recall_low']);
	});

	it('stays Ready in the last 30 days, without a departure warning', () => {
		const input = withCohort(dateIn(10));
		expect(assess(input, NOW).level).toBe('ready');
		expect(codes(input)).not.toContain('departure_soon');
	});
});

describe('mock-test evidence', () => {
	it('is never Ready without a real mock test, however good the rest', () => {
		const input = readyTrainee({ mockTests: [] });
		expect(assess(input, NOW).level).toBe('on_track');
		expect(assess(input, NOW).components.mockTest.value).toBe(0);
		expect(problems(input)).toStrictEqual(['no_mock_test']);
	});

	it('ignores practice attempts entirely, and says there were some', () => {
		const input = readyTrainee({ mockTests: [mockTest(0.99, 1, { practice: true }), mockTest(0.95, 3, { practice: true })] });
		expect(assess(input, NOW).level).not.toBe('ready');
		expect(assess(input, NOW).reasons[0]).toStrictEqual({ code: 'no_mock_test', practiceAttempts: 2 });
	});

	it('asks for a new test when the latest real one is over 30 days old', () => {
		const input = readyTrainee({ mockTests: [mockTest(0.95, 40)] });
		expect(assess(input, NOW).level).not.toBe('ready');
		expect(assess(input, NOW).reasons[0]).toStrictEqual({ code: 'no_recent_mock_test', daysSince: 40, maxDays: 30 });
	});
});

describe('edge cases', () => {
	it('projects recall to today once departure has passed, and says so', () => {
		const input = withCohort('2027-01-05');
		const result = assess(input, NOW);
		expect(result.level).toBe('ready');
		expect(result.reasons).toContainEqual({ code: 'departure_passed', daysAgo: 10 });
		expect(result.reasons).toContainEqual(expect.objectContaining({ code: 'projected_recall_good', projectedOn: '2027-01-15' }));
		expect(assess(withCohort('2027-01-05', { mockTests: [mockTest(0.5, 1)] }), NOW).level).toBe('at_risk');
	});

	it('judges a cohort without a departure date as if departure were near (score counts), projecting to today', () => {
		const input = withCohort(null, { mockTests: [], coreDeck: halfStudied });
		expect(assess(input, NOW).level).toBe('at_risk');
		expect(codes(input)).toContain('departure_unset');
		expect(codes(input)).toContain('score_low');
		expect(assess(withCohort(null), NOW).level).toBe('ready');
	});

	it('leaves an empty core deck out of the score and the gates', () => {
		const result = assess(readyTrainee({ coreDeck: { schedules: [], settings: SETTINGS } }), NOW);
		expect(result.level).toBe('ready');
		expect(result.components.recall).toStrictEqual({ value: null, weight: 0 });
		expect(result.components.mockTest.weight).toBeCloseTo(0.4 / 0.7, 12);
		expect(result.reasons.map((r) => r.code)).toContain('core_deck_empty');
	});

	it('leaves unpublished lessons out of the score and the gates', () => {
		const none = { done: 0, available: 0 };
		const result = assess(readyTrainee({ lessons: { culture: none, protection: none } }), NOW);
		expect(result.level).toBe('ready');
		expect(result.reasons).toContainEqual({ code: 'lessons_unavailable', kind: 'culture' });
		expect(result.reasons).toContainEqual({ code: 'lessons_unavailable', kind: 'protection' });
		expect(result.components.mockTest.weight).toBeCloseTo(0.5, 12);
		const total = Object.values(result.components).reduce((sum, c) => sum + c.weight, 0);
		expect(total).toBeCloseTo(1, 12);
	});

	it('does not take cramming for readiness: studying every day, but recall on departure is low', () => {
		// Every card first seen in the last few days: short stabilities that fade by departure.
		const crammed = Array.from({ length: 20 }, (_, i) => {
			const first = grade(null, Rating.Good, daysAgo(1 + (i % 4)), SETTINGS);
			return grade(first, Rating.Good, first.due, SETTINGS);
		});
		const input = readyTrainee({
			coreDeck: { schedules: crammed, settings: SETTINGS },
			activity: { daysStudied: 14, reviews: 1800, minutes: 900 }
		});
		const result = assess(input, NOW);
		expect(result.level).not.toBe('ready');
		expect(result.reasons).toContainEqual(expect.objectContaining({ code: 'projected_recall_low', studied: 20, of: 20 }));
		expect(result.reasons).toContainEqual(expect.objectContaining({ code: 'active', daysStudied: 14 }));
		expect(assess({ ...input, cohort: { targetExam: 'jft_basic', departureDate: dateIn(14) } }, NOW).level).toBe('at_risk');
	});
});

describe('the rule as written', () => {
	it('has weights that sum to 1', () => {
		expect(Object.values(READINESS_RULES.weights).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
	});

	it('quotes the thresholds it uses', () => {
		for (const text of ['70%', '80%', '50%', 'last 30 days', '4 of the last 14 days', '30 days away', 'within 90 days']) {
			expect(READINESS_FORMULA).toContain(text);
		}
	});
});
