import { describe, expect, it } from 'vitest';
import { grade, projectedRecall, Rating, retrievability } from '$lib/scheduling';
import { activityShare, deckRecall, departure, lessonShare, mockTestEvidence } from './components';
import { DEPARTURE, NOW, SETTINGS, card, daysAgo, mockTest } from './fixtures';

describe('mockTestEvidence', () => {
	it('averages the latest three real attempts at the target exam', () => {
		const results = [mockTest(0.9, 1), mockTest(0.6, 5), mockTest(0.3, 9), mockTest(0.1, 20)];
		expect(mockTestEvidence(results, 'jft_basic', NOW)).toMatchObject({ attempts: 3, daysSince: 1, passed: 2 });
		expect(mockTestEvidence(results, 'jft_basic', NOW).passProbability).toBeCloseTo(0.6, 12);
	});

	it('leaves out practice attempts, other exams and results dated after now', () => {
		const results = [
			mockTest(0.99, 1, { practice: true }),
			mockTest(0.99, 1, { test: 'jlpt_n4' }),
			mockTest(0.99, -1),
			mockTest(0.4, 2)
		];
		expect(mockTestEvidence(results, 'jft_basic', NOW)).toStrictEqual({
			passProbability: 0.4,
			attempts: 1,
			passed: 0,
			daysSince: 2,
			practiceAttempts: 1
		});
	});

	it('has no evidence from attempts older than 30 days, but says how old the latest is', () => {
		const evidence = mockTestEvidence([mockTest(0.9, 40), mockTest(0.9, 31)], 'jft_basic', NOW);
		expect(evidence).toMatchObject({ passProbability: null, attempts: 0, daysSince: 31 });
		expect(mockTestEvidence([mockTest(0.9, 30)], 'jft_basic', NOW).passProbability).toBe(0.9);
	});

	it('has nothing at all before the first real attempt', () => {
		expect(mockTestEvidence([], 'jft_basic', NOW)).toMatchObject({ passProbability: null, daysSince: null });
	});

	it('refuses a submission time without a zone', () => {
		expect(() => mockTestEvidence([mockTest(0.5, 1, { submittedAt: '2027-01-10T08:00' })], 'jft_basic', NOW)).toThrow(RangeError);
	});
});

describe('departure', () => {
	it('projects to midnight UTC of the departure day', () => {
		expect(departure(DEPARTURE, NOW)).toStrictEqual({ date: DEPARTURE, daysLeft: 59, projectAt: new Date('2027-03-15T00:00:00Z') });
	});

	it('projects to now once departure has passed or when it is unset', () => {
		expect(departure('2027-01-01', NOW)).toStrictEqual({ date: '2027-01-01', daysLeft: -14, projectAt: NOW });
		expect(departure(null, NOW)).toStrictEqual({ date: null, daysLeft: null, projectAt: NOW });
	});

	it('refuses something that is not a calendar date', () => {
		for (const bad of ['2027-02-30', '15/03/2027', '2027-03-15T00:00:00Z', '']) {
			expect(() => departure(bad, NOW)).toThrow(RangeError);
		}
	});
});

describe('deckRecall', () => {
	it('projects on the departure date, not today: a card due long before departure has faded by then', () => {
		const state = card(10, 1);
		const at = departure(DEPARTURE, NOW).projectAt;
		const recall = deckRecall({ schedules: [state], settings: SETTINGS }, at);
		expect(retrievability(state, NOW, SETTINGS)).toBeGreaterThan(0.95);
		expect(recall.value).toBeCloseTo(retrievability(state, at, SETTINGS), 12);
		expect(recall.value).toBeLessThan(0.8);
	});

	it('counts cards never studied as 0 and says how many were studied', () => {
		const cards = [card(800), null, { ...card(800), state: 'New' as const, last_review: null }];
		const recall = deckRecall({ schedules: cards, settings: SETTINGS }, NOW);
		expect(recall).toMatchObject({ studied: 1, of: 3 });
		expect(recall.value).toBeCloseTo(projectedRecall(cards, NOW, SETTINGS), 12);
		expect(recall.value).toBeLessThan(0.34);
	});

	it('has nothing to measure for an empty deck', () => {
		expect(deckRecall({ schedules: [], settings: SETTINGS }, NOW)).toStrictEqual({ value: null, studied: 0, of: 0 });
	});

	it('projects low recall for a crammed card: learnt this week, stability of days', () => {
		let state = grade(null, Rating.Good, daysAgo(3), SETTINGS);
		state = grade(state, Rating.Good, state.due, SETTINGS);
		const recall = deckRecall({ schedules: [state], settings: SETTINGS }, departure(DEPARTURE, NOW).projectAt);
		expect(recall.value).toBeLessThan(0.8);
	});

	it('takes a deck the database already summed, only for the projection date it was summed for', () => {
		const at = departure(DEPARTURE, NOW).projectAt;
		const cards = [card(800), null, card(10, 1), null];
		const recallSum = cards.reduce((sum, state) => sum + retrievability(state, at, SETTINGS), 0);
		const summed = deckRecall({ projectedAt: at.toISOString(), recallSum, studied: 2, of: 4 }, at);
		expect(summed).toStrictEqual({ value: recallSum / 4, studied: 2, of: 4 });
		expect(summed.value).toBeCloseTo(deckRecall({ schedules: cards, settings: SETTINGS }, at).value!, 12);
		expect(deckRecall({ projectedAt: at.toISOString(), recallSum: 0, studied: 0, of: 0 }, at).value).toBeNull();
		expect(() => deckRecall({ projectedAt: NOW.toISOString(), recallSum, studied: 2, of: 4 }, at)).toThrow(RangeError);
	});
});

describe('shares', () => {
	it('is the share of lessons done, capped at 1, and nothing to measure when none are published', () => {
		expect(lessonShare({ done: 3, available: 12 })).toBe(0.25);
		expect(lessonShare({ done: 13, available: 12 })).toBe(1);
		expect(lessonShare({ done: 0, available: 0 })).toBeNull();
	});

	it('gives full marks for activity at 10 of 14 days', () => {
		expect(activityShare({ daysStudied: 5, reviews: 100, minutes: 60 })).toBe(0.5);
		expect(activityShare({ daysStudied: 14, reviews: 100, minutes: 60 })).toBe(1);
		expect(activityShare({ daysStudied: Number.NaN, reviews: 0, minutes: 0 })).toBe(0);
	});
});
