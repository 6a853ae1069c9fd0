import { describe, expect, it } from 'vitest';
import { grade } from '$lib/scheduling';
import { localDay, mergeActivity, nextCard, planToday, streak } from './planner';
import type { DeviceCard, QueuedReview } from './types';

const NOW = new Date('2026-11-24T05:00:00Z'); // 13:00 in Kalimantan Tengah (WIB is UTC+7; WITA UTC+8)
const WITA = 480;

function card(id: string, schedule: DeviceCard['schedule'] = null, firstReviewedAt: string | null = null): DeviceCard {
	return { id, term: id, reading: id, meaning: { id, en: id }, partOfSpeech: 'noun', accept: [], examples: [], schedule, firstReviewedAt };
}
const reviewed = (id: string, daysAgo: number) => card(id, grade(grade(null, 3, new Date(NOW.getTime() - daysAgo * 86_400_000 - 3_600_000)), 3, new Date(NOW.getTime() - daysAgo * 86_400_000)), new Date(NOW.getTime() - daysAgo * 86_400_000).toISOString());
const settings = { newCardsPerDay: 10, cohortNewCardsPerDay: 10 };

describe('the study planner', () => {
	it('counts local days in the trainee’s time zone', () => {
		expect(localDay('2026-11-24T16:30:00Z', WITA)).toBe('2026-11-25');
		expect(localDay('2026-11-24T15:59:00Z', WITA)).toBe('2026-11-24');
	});

	it('adds reviews still on the phone to the server’s activity, and counts the streak to today', () => {
		const queue = [{ reviewedAt: '2026-11-24T04:00:00Z', durationMs: 90_000 }] as QueuedReview[];
		const days = mergeActivity([{ day: '2026-11-22', reviews: 5, minutes: 3 }, { day: '2026-11-23', reviews: 8, minutes: 4 }], queue, WITA);
		expect(days.get('2026-11-24')).toEqual({ day: '2026-11-24', reviews: 1, minutes: 1.5 });
		expect(streak(days, '2026-11-24')).toBe(3);
		// Today not studied yet: yesterday's streak still stands until the day is over.
		days.delete('2026-11-24');
		expect(streak(days, '2026-11-24')).toBe(2);
		expect(streak(days, '2026-11-26')).toBe(0);
	});

	it('offers new cards up to the daily limit, less those introduced today', () => {
		const cards = [...Array.from({ length: 15 }, (_, i) => card(`new-${i}`)), card('today-1', null, '2026-11-24T01:00:00Z')];
		cards[15] = { ...cards[15]!, schedule: grade(null, 3, new Date('2026-11-24T01:00:00Z')) };
		const plan = planToday(cards, settings, NOW, WITA, false, 0);
		expect(plan.introducedToday).toBe(1);
		expect(plan.newToday).toBe(9);
		expect(planToday(cards, { newCardsPerDay: 3, cohortNewCardsPerDay: 10 }, NOW, WITA, false, 0).newToday).toBe(2);
	});

	it('suggests catch-up for a backlog and spreads it over days', () => {
		const backlog = Array.from({ length: 200 }, (_, i) => reviewed(`old-${i}`, 40));
		const plain = planToday(backlog, settings, NOW, WITA, false, 0);
		expect(plain.dueReviews).toBe(200);
		expect(plain.catchUpSuggested).toBe(true);
		expect(plain.reviewsToday).toBe(200);
		const spread = planToday(backlog, settings, NOW, WITA, true, 0);
		expect(spread.reviewsToday).toBe(50);
	});

	it('shows the most overdue review first, then new cards, and nothing once today’s work is done', () => {
		const older = reviewed('older', 30);
		const newer = reviewed('newer', 20);
		const fresh = card('fresh');
		expect(nextCard([fresh, newer, older], NOW, 5, 5)?.id).toBe('older');
		expect(nextCard([fresh, newer, older], NOW, 0, 5)?.id).toBe('fresh');
		expect(nextCard([fresh, newer, older], NOW, 0, 0)).toBeNull();
	});

	it('brings a learning card back a little early when nothing else is due, but not the card just graded', () => {
		const learning = card('learning', grade(null, 3, NOW));
		expect(learning.schedule!.state).toBe('Learning');
		expect(nextCard([learning], NOW, 0, 0)?.id).toBe('learning');
		expect(nextCard([learning], NOW, 0, 0, 'learning')).toBeNull();
	});
});
