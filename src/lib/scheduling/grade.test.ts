import { afterEach, describe, expect, it, vi } from 'vitest';
import { orderedId, simulateStudy } from './fixtures';
import { grade } from './grade';
import { replay } from './replay';
import { DEFAULT_STUDY_SETTINGS, Rating, type Review, type ScheduleState } from './types';

const MINUTE = 60_000;
const at = '2026-03-02T01:00:00.000Z';
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

describe('grade: a new card', () => {
	it('starts in the learning steps (1m, 10m)', () => {
		const again = grade(null, Rating.Again, at);
		const hard = grade(null, Rating.Hard, at);
		const good = grade(null, Rating.Good, at);
		expect(again).toMatchObject({ state: 'Learning', due: plus(at, MINUTE), reps: 1, last_review: at });
		expect(hard).toMatchObject({ state: 'Learning', due: plus(at, 6 * MINUTE) });
		expect(good).toMatchObject({ state: 'Learning', due: plus(at, 10 * MINUTE), learning_steps: 1 });
	});

	it('graduates after the last step, or at once on Easy', () => {
		const good = grade(null, Rating.Good, at);
		const graduated = grade(good, Rating.Good, good.due);
		expect(graduated.state).toBe('Review');
		expect(graduated.scheduled_days).toBeGreaterThanOrEqual(1);
		expect(grade(null, Rating.Easy, at).state).toBe('Review');
	});

	it('uses the relearning step (10m) after a lapse', () => {
		let state = grade(null, Rating.Easy, at);
		state = grade(state, Rating.Again, state.due);
		expect(state).toMatchObject({ state: 'Relearning', lapses: 1, due: plus(state.last_review ?? '', 10 * MINUTE) });
	});

	it('follows custom learning steps', () => {
		const settings = { ...DEFAULT_STUDY_SETTINGS, learningSteps: ['5m', '1h'] as const };
		expect(grade(null, Rating.Good, at, settings).due).toBe(plus(at, 60 * MINUTE));
	});
});

describe('grade: purity', () => {
	afterEach(() => {
		vi.useRealTimers();
		vi.restoreAllMocks();
	});

	it('does not touch the state it is given', () => {
		const state = Object.freeze(grade(null, Rating.Good, at));
		expect(() => grade(state, Rating.Good, state.due)).not.toThrow();
	});

	it('gives the same fuzzed schedule whatever the clock and Math.random say', () => {
		const [card] = simulateStudy({ seed: 3, cards: 1, reviewsPerCard: [40, 40] });
		const run = () => replay(card?.reviews ?? []);
		vi.useFakeTimers();
		vi.setSystemTime(new Date('2020-01-01T00:00:00Z'));
		vi.spyOn(Math, 'random').mockReturnValue(0.01);
		const first = run();
		vi.setSystemTime(new Date('2031-06-15T12:34:56Z'));
		vi.spyOn(Math, 'random').mockReturnValue(0.99);
		expect(run()).toStrictEqual(first);
		expect(first).toStrictEqual(card?.states.at(-1));
	});

	it('really fuzzes: the same card answered at different moments gets different intervals', () => {
		let state = grade(null, Rating.Easy, at);
		for (let i = 0; i < 3; i++) state = grade(state, Rating.Good, state.due);
		const intervals = (enableFuzz: boolean) =>
			new Set(
				Array.from({ length: 40 }, (_, i) => {
					const settings = { ...DEFAULT_STUDY_SETTINGS, enableFuzz };
					return grade(state, Rating.Good, plus(state.due, i * 1000), settings).scheduled_days;
				})
			);
		expect(state.scheduled_days).toBeGreaterThan(10);
		expect(intervals(false).size).toBe(1);
		expect(intervals(true).size).toBeGreaterThan(2);
	});

	it("uses the trainee's fitted weights when given", () => {
		const weights = [
			0.5, 1.5, 4, 12, 6.4, 0.8, 3, 0.01, 1.9, 0.17, 0.8, 1.5, 0.06, 0.26, 1.6, 0.6, 1.9, 0.54, 0.09, 0.07, 0.2
		];
		const fitted = grade(null, Rating.Good, at, { ...DEFAULT_STUDY_SETTINGS, weights });
		expect(fitted.stability).toBe(4);
		expect(grade(null, Rating.Good, at).stability).not.toBe(4);
	});
});

describe('grade: maximum interval', () => {
	it('never schedules past the cap, even for Easy on a card already at it', () => {
		const settings = { ...DEFAULT_STUDY_SETTINGS, maximumIntervalDays: 30 };
		const days = simulateStudy({ seed: 4, cards: 20, reviewsPerCard: [10, 20], settings })
			.flatMap((card) => card.states)
			.map((state) => state.scheduled_days);
		expect(Math.max(...days)).toBe(30);
		let state = grade(null, Rating.Easy, at, settings);
		for (let i = 0; i < 8; i++) state = grade(state, Rating.Easy, state.due, settings);
		expect(state).toMatchObject({ scheduled_days: 30, due: plus(state.last_review ?? '', 30 * 86_400_000) });
	});
});

describe('grade: awkward input', () => {
	it('refuses a time without a zone, which would mean different instants on phone and server', () => {
		expect(() => grade(null, Rating.Good, '2026-03-02T08:00:00')).toThrow(RangeError);
		expect(() => grade(null, Rating.Good, 'yesterday')).toThrow(RangeError);
	});

	it('accepts a Date and an offset time for the same instant alike', () => {
		const inJakarta = '2026-03-02T08:00:00+07:00';
		expect(grade(null, Rating.Good, new Date(at))).toStrictEqual(grade(null, Rating.Good, inJakarta));
	});

	it('survives a phone clock set back by days', () => {
		let state: ScheduleState = grade(null, Rating.Easy, at);
		state = grade(state, Rating.Good, state.due);
		const earlier = plus(at, -3 * 86_400_000);
		const review = (id: number, reviewedAt: string): Review => ({
			id: orderedId(id),
			cardId: 'c',
			rating: Rating.Good,
			reviewedAt,
			durationMs: 1
		});
		expect(() => grade(state, Rating.Good, earlier)).not.toThrow();
		expect(() => replay([review(1, at), review(2, state.last_review ?? ''), review(3, earlier)])).not.toThrow();
	});
});
