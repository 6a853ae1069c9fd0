// Test data for the scheduling tests: a seeded random source and simulated trainees, so failures reproduce.
import { grade } from './grade';
import { DAY_MS } from './time';
import { DEFAULT_STUDY_SETTINGS, type Rating, type Review, type ScheduleState, type StudySettings } from './types';

/** mulberry32: tiny, fast, and the same sequence on every machine for a given seed. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A UUID-shaped id that sorts in creation order, as a device's UUIDv7 does. */
export function orderedId(sequence: number): string {
	return `00000000-0000-7000-8000-${sequence.toString(16).padStart(12, '0')}`;
}

export function pick<T>(random: () => number, items: readonly T[]): T {
	const item = items[Math.floor(random() * items.length)];
	if (item === undefined) throw new Error('pick() from an empty list');
	return item;
}

export function shuffle<T>(random: () => number, items: readonly T[]): T[] {
	const copy = [...items];
	for (let i = copy.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
	}
	return copy;
}

// Roughly how trainees answer: mostly Good, with real lapses.
const RATINGS: readonly Rating[] = [1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4];

/** When the next answer happens: same instant, early, on time, late, or after a long break. */
function nextReviewTime(random: () => number, previous: number, due: number): number {
	const roll = random();
	if (roll < 0.06) return previous;
	if (roll < 0.16) return previous + Math.floor(random() * Math.max(0, due - previous));
	if (roll < 0.7) return Math.max(previous, due) + Math.floor(random() * 6 * 3_600_000);
	if (roll < 0.9) return Math.max(previous, due) + Math.floor((1 + random() * 29) * DAY_MS);
	return Math.max(previous, due) + Math.floor((30 + random() * 170) * DAY_MS);
}

// Devices write Z; other clients may send an offset: both must mean the same instant.
function isoAt(random: () => number, ms: number): string {
	const utc = new Date(ms).toISOString();
	if (random() >= 0.2) return utc;
	return new Date(ms + 7 * 3_600_000).toISOString().replace('Z', '+07:00');
}

export interface StudiedCard {
	cardId: string;
	/** The log, in the order the device made it. */
	reviews: Review[];
	/** The device's state after each review, computed answer by answer with `grade`. */
	states: ScheduleState[];
}

export interface StudyPlan {
	seed: number;
	cards: number;
	reviewsPerCard: [min: number, max: number];
	start?: Date;
	settings?: StudySettings;
}

/** Trainees studying on a device: each answer graded incrementally, as the app does offline. */
export function simulateStudy(plan: StudyPlan): StudiedCard[] {
	const random = seededRandom(plan.seed);
	const settings = plan.settings ?? DEFAULT_STUDY_SETTINGS;
	const [min, max] = plan.reviewsPerCard;
	let sequence = plan.seed * 1_000_000;
	const studied: StudiedCard[] = [];
	for (let c = 0; c < plan.cards; c++) {
		const cardId = `card-${plan.seed}-${c}`;
		let time = (plan.start ?? new Date('2026-01-05T01:00:00Z')).getTime() + Math.floor(random() * 30 * DAY_MS);
		let state: ScheduleState | null = null;
		const card: StudiedCard = { cardId, reviews: [], states: [] };
		const count = min + Math.floor(random() * (max - min + 1));
		for (let r = 0; r < count; r++) {
			if (state) time = nextReviewTime(random, time, Date.parse(state.due));
			const review: Review = {
				id: orderedId(sequence++),
				cardId,
				rating: pick(random, RATINGS),
				reviewedAt: isoAt(random, time),
				durationMs: 1500 + Math.floor(random() * 20_000)
			};
			state = grade(state, review.rating, review.reviewedAt, settings);
			card.reviews.push(review);
			card.states.push(state);
		}
		studied.push(card);
	}
	return studied;
}

/** The state after the last review, for cards with at least one. */
export function finalState(card: StudiedCard): ScheduleState {
	const state = card.states.at(-1);
	if (!state) throw new Error(`${card.cardId} has no reviews`);
	return state;
}
