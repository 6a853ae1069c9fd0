import { describe, expect, it } from 'vitest';
import { grade, Rating, retrievability, type ScheduleState } from '$lib/scheduling';
import { DAY_MS } from '$lib/scheduling/time';
import { isMastered, MASTERED_RECALL, masteryBy, weakestFirst } from './mastery';

const start = '2026-11-01T01:00:00.000Z';
const after = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY_MS);

/** A card learnt well: Easy, then Good each time it came due. */
function learnt(goods: number): ScheduleState {
	let state = grade(null, Rating.Easy, start);
	for (let i = 0; i < goods; i++) state = grade(state, Rating.Good, state.due);
	return state;
}

describe('isMastered', () => {
	it('holds right after a review and lapses once recall drops below 90%', () => {
		const state = learnt(2);
		const last = state.last_review!;
		expect(isMastered(state, after(last, 0.1))).toBe(true);
		const later = after(last, 3 * state.stability);
		expect(retrievability(state, later)).toBeLessThan(MASTERED_RECALL);
		expect(isMastered(state, later)).toBe(false);
	});

	it('is false for a card never studied', () => {
		expect(isMastered(null, new Date(start))).toBe(false);
	});

	it('switches exactly where recall crosses 90% (the card’s stability, by FSRS’s definition)', () => {
		const state = learnt(3);
		const last = state.last_review!;
		expect(isMastered(state, after(last, state.stability * 0.99))).toBe(true);
		expect(isMastered(state, after(last, state.stability * 1.01))).toBe(false);
	});
});

describe('masteryBy', () => {
	it('counts a card in each of its groups once, unseen cards as not mastered', () => {
		const strong = learnt(3);
		const at = after(strong.last_review!, 0.5);
		const cards = [
			{ schedule: strong, scenes: ['食事介助', '声かけ', '食事介助'] },
			{ schedule: null, scenes: ['食事介助'] },
			{ schedule: grade(null, Rating.Again, start), scenes: ['入浴介助'] }
		];
		const groups = masteryBy(cards, (card) => card.scenes, at);
		expect([...groups]).toEqual([
			['食事介助', { cards: 2, mastered: 1 }],
			['声かけ', { cards: 1, mastered: 1 }],
			['入浴介助', { cards: 1, mastered: 0 }]
		]);
	});
});

describe('weakestFirst', () => {
	it('puts the lowest share first, then bigger groups, then by name', () => {
		const groups = [
			{ name: 'b', cards: 4, mastered: 4 },
			{ name: 'c', cards: 2, mastered: 1 },
			{ name: 'a', cards: 10, mastered: 5 },
			{ name: 'd', cards: 3, mastered: 0 }
		];
		expect(weakestFirst(groups, (g) => g.name).map((g) => g.name)).toEqual(['d', 'a', 'c', 'b']);
	});
});
