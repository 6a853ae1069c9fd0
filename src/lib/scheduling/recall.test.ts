import { describe, expect, it } from 'vitest';
import { simulateStudy } from './fixtures';
import { grade } from './grade';
import { forecast, projectedRecall, retrievability } from './recall';
import { DAY_MS } from './time';
import { DEFAULT_STUDY_SETTINGS, Rating, type ScheduleState } from './types';

const at = '2026-03-02T01:00:00.000Z';
const later = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY_MS);

function reviewCard(goods: number): ScheduleState {
	let state = grade(null, Rating.Easy, at);
	for (let i = 0; i < goods; i++) state = grade(state, Rating.Good, state.due);
	return state;
}

describe('retrievability', () => {
	it('is 0 for a card never studied', () => {
		expect(retrievability(null, new Date(at))).toBe(0);
	});

	it('falls as time passes, from near 1 just after the review', () => {
		const state = reviewCard(2);
		const last = state.last_review ?? '';
		const curve = [0, 0.5, 1, 7, 30, 120, 365].map((days) => retrievability(state, later(last, days)));
		expect(curve[0]).toBeCloseTo(1, 6);
		for (let i = 1; i < curve.length; i++) expect(curve[i]).toBeLessThan(curve[i - 1] ?? 0);
	});

	it('is about the desired retention when a review card comes due', () => {
		for (const desiredRetention of [0.9, 0.8]) {
			const settings = { ...DEFAULT_STUDY_SETTINGS, desiredRetention, enableFuzz: false, maximumIntervalDays: 3650 };
			const due = simulateStudy({ seed: 8, cards: 80, reviewsPerCard: [2, 25], settings })
				.flatMap((card) => card.states)
				.filter((state) => state.state === 'Review' && state.scheduled_days < settings.maximumIntervalDays);
			const atDue = (state: ScheduleState) => retrievability(state, new Date(state.due), settings);
			const long = due.filter((state) => state.scheduled_days >= 20);
			const short = due.filter((state) => state.scheduled_days >= 3 && state.scheduled_days < 20);
			expect(long.length).toBeGreaterThan(100);
			for (const state of long) expect(Math.abs(atDue(state) - desiredRetention)).toBeLessThan(0.01);
			// Short intervals are whole days, and Hard < Good < Easy are kept a day apart, so they land near, not on.
			const shortMean = short.reduce((sum, state) => sum + atDue(state), 0) / short.length;
			expect(Math.abs(shortMean - desiredRetention)).toBeLessThan(0.01);
		}
	});

	it('averages a deck, unseen cards counting 0', () => {
		const state = reviewCard(3);
		const departure = later(state.due, 30);
		expect(projectedRecall([state, null], departure)).toBeCloseTo(retrievability(state, departure) / 2, 12);
		expect(projectedRecall([], departure)).toBe(0);
	});
});

describe('forecast', () => {
	const from = new Date('2026-04-01T17:00:00.000Z'); // midnight in WIB (UTC+7)
	const dueIn = (days: number, state: ScheduleState['state'] = 'Review'): ScheduleState => ({
		...reviewCard(1),
		state,
		due: later(from.toISOString(), days).toISOString()
	});

	it('counts reviews per day, overdue ones today, new cards not at all', () => {
		const overdue = [dueIn(-10), dueIn(-0.01)];
		const upcoming = [dueIn(0.2), dueIn(0.99), dueIn(1), dueIn(1.5, 'Learning'), dueIn(3), dueIn(9)];
		const states = [...overdue, ...upcoming, dueIn(0, 'New'), null];
		expect(forecast(states, from, 4)).toStrictEqual([4, 2, 0, 1]);
	});

	it('gives an empty forecast for no days', () => {
		expect(forecast([dueIn(0)], from, 0)).toStrictEqual([]);
	});
});
