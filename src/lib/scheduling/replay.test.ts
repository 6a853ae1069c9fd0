import { describe, expect, it } from 'vitest';
import { finalState, orderedId, seededRandom, shuffle, simulateStudy, type StudiedCard } from './fixtures';
import { grade } from './grade';
import { inReplayOrder, replay, replayByCard } from './replay';
import { DEFAULT_STUDY_SETTINGS, Rating, type Review, type StudySettings } from './types';

const settingsVariants: Record<string, StudySettings> = {
	defaults: DEFAULT_STUDY_SETTINGS,
	'retention 0.8, no steps, capped': {
		...DEFAULT_STUDY_SETTINGS,
		desiredRetention: 0.8,
		maximumIntervalDays: 120,
		learningSteps: [],
		relearningSteps: []
	}
};

describe('replay equals what the device computed answer by answer', () => {
	for (const [name, settings] of Object.entries(settingsVariants)) {
		it(`over 1000+ random reviews (${name})`, () => {
			const studied = simulateStudy({ seed: 11, cards: 60, reviewsPerCard: [5, 40], settings });
			const reviews = studied.flatMap((card) => card.reviews);
			expect(reviews.length).toBeGreaterThan(1000);
			expect(new Set(reviews.map((r) => r.rating)).size).toBe(4);
			expect(sameInstantPairs(studied)).toBeGreaterThan(20);

			for (const card of studied) {
				// Every prefix, not only the end: the server may replay at any point of the sync.
				card.reviews.forEach((_, i) => {
					expect(replay(card.reviews.slice(0, i + 1), settings)).toStrictEqual(card.states[i]);
				});
			}
			const byCard = replayByCard(shuffle(seededRandom(1), reviews), settings);
			expect(byCard.size).toBe(studied.length);
			for (const card of studied) expect(byCard.get(card.cardId)).toStrictEqual(finalState(card));
		});
	}

	it('for many seeds (property loop)', () => {
		for (let seed = 100; seed < 120; seed++) {
			for (const card of simulateStudy({ seed, cards: 5, reviewsPerCard: [1, 30] })) {
				expect(replay(card.reviews), `seed ${seed}, ${card.cardId}`).toStrictEqual(finalState(card));
			}
		}
	});
});

describe('sync is idempotent and order-free', () => {
	const studied = simulateStudy({ seed: 21, cards: 30, reviewsPerCard: [10, 30] });

	it('a review sent twice (same id) adds nothing', () => {
		for (const card of studied) {
			const resent = [...card.reviews, ...card.reviews.slice(0, 3), ...card.reviews];
			expect(replay(resent)).toStrictEqual(finalState(card));
		}
	});

	it('batches arriving out of order, some twice, converge to the same state', () => {
		const random = seededRandom(5);
		for (const card of studied) {
			const batches = chunk(random, card.reviews);
			const arrivals = shuffle(random, [...batches, ...batches.filter(() => random() < 0.3)]);
			const server: Review[] = [];
			for (const batch of arrivals) server.push(...shuffle(random, batch));
			expect(replay(server)).toStrictEqual(finalState(card));
		}
	});

	it('ties at the same millisecond are broken by id, never by arrival', () => {
		const reviewedAt = '2026-02-01T03:00:00.000Z';
		const a: Review = { id: orderedId(2), cardId: 'c', rating: Rating.Again, reviewedAt, durationMs: 900 };
		const b: Review = { id: orderedId(1), cardId: 'c', rating: Rating.Easy, reviewedAt, durationMs: 900 };
		expect(inReplayOrder([a, b])).toStrictEqual([b, a]);
		expect(replay([a, b])).toStrictEqual(replay([b, a]));
		expect(replay([a, b])).toStrictEqual(grade(grade(null, b.rating, reviewedAt), a.rating, reviewedAt));
	});

	it('keeps one copy of an id even when the copies disagree, whatever their order', () => {
		const card = studied[0];
		if (!card) throw new Error('no card');
		const [first, ...rest] = card.reviews;
		if (!first) throw new Error('no review');
		const corrupt = { ...first, rating: Rating.Easy };
		expect(replay([corrupt, first, ...rest])).toStrictEqual(replay([...rest, first, corrupt]));
	});
});

describe('replay: edges', () => {
	it('gives null for a card never reviewed', () => {
		expect(replay([])).toBeNull();
	});

	it("refuses to mix two cards' reviews", () => {
		const at = '2026-02-01T03:00:00.000Z';
		const review = (id: number, cardId: string): Review => ({
			id: orderedId(id),
			cardId,
			rating: Rating.Good,
			reviewedAt: at,
			durationMs: 1
		});
		expect(() => replay([review(1, 'a'), review(2, 'b')])).toThrow(/one card/);
	});
});

function sameInstantPairs(studied: StudiedCard[]): number {
	const instant = (review: Review | undefined) => Date.parse(review?.reviewedAt ?? '');
	let ties = 0;
	for (const { reviews } of studied) {
		reviews.forEach((review, i) => {
			if (instant(review) === instant(reviews[i - 1])) ties++;
		});
	}
	return ties;
}

function chunk<T>(random: () => number, items: readonly T[]): T[][] {
	const batches: T[][] = [];
	for (let i = 0; i < items.length; ) {
		const size = 1 + Math.floor(random() * 6);
		batches.push(items.slice(i, i + size));
		i += size;
	}
	return batches;
}
