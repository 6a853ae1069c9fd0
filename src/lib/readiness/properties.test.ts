// Many seeded trainees: each reason appears exactly when its condition holds, and better results never hurt.
import { describe, expect, it } from 'vitest';
import { projectedRecall } from '$lib/scheduling';
import { pick, seededRandom } from '$lib/scheduling/fixtures';
import { DAY_MS } from '$lib/scheduling/time';
import { assess } from './assess';
import { NOW, SETTINGS, card, dateIn, mockTest } from './fixtures';
import type { ReadinessInput, ReadinessLevel, ReasonCode } from './types';

function randomTrainee(random: () => number): ReadinessInput {
	const departureDays = pick(random, [null, -20, 0, 5, 30, 31, 60, 90, 91, 200]);
	const deckSize = pick(random, [0, 5, 20]);
	const lessons = (available: number) => ({ done: Math.floor(random() * (available + 1)), available });
	return {
		cohort: { targetExam: 'jft_basic', departureDate: departureDays === null ? null : dateIn(departureDays) },
		mockTests: Array.from({ length: Math.floor(random() * 5) }, () =>
			mockTest(random(), Math.floor(random() * 50), {
				practice: random() < 0.2,
				test: random() < 0.85 ? 'jft_basic' : 'jlpt_n4'
			})
		),
		coreDeck: {
			schedules: Array.from({ length: deckSize }, () => (random() < 0.2 ? null : card(1 + random() * 1500, random() * 30))),
			settings: SETTINGS
		},
		lessons: { culture: lessons(pick(random, [0, 4, 8])), protection: lessons(pick(random, [0, 11])) },
		activity: { daysStudied: Math.floor(random() * 15), reviews: Math.floor(random() * 900), minutes: Math.floor(random() * 600) }
	};
}

const trainees = (seed: number, count: number) => {
	const random = seededRandom(seed);
	return Array.from({ length: count }, () => randomTrainee(random));
};

/** Each reason's condition, written out from the rule rather than taken from the code under test. */
function expectedCodes(input: ReadinessInput, level: ReadinessLevel, score: number): Set<ReasonCode> {
	const ageDays = (iso: string) => (NOW.getTime() - Date.parse(iso)) / DAY_MS;
	const real = input.mockTests.filter((t) => t.test === 'jft_basic' && !t.practice).sort((a, b) => ageDays(a.submittedAt) - ageDays(b.submittedAt));
	const recent = real.filter((t) => ageDays(t.submittedAt) <= 30).slice(0, 3);
	const pass = recent.reduce((sum, t) => sum + t.passProbability, 0) / recent.length;
	const date = input.cohort.departureDate;
	const daysLeft = date === null ? null : Math.round((Date.parse(date) - Date.parse(NOW.toISOString().slice(0, 10))) / DAY_MS);
	const at = date !== null && daysLeft !== null && daysLeft > 0 ? new Date(`${date}T00:00:00Z`) : NOW;
	const deck = input.coreDeck.schedules;
	const recall = projectedRecall(deck, at, SETTINGS);
	const { culture, protection } = input.lessons;
	const days = input.activity.daysStudied;
	const holds: [ReasonCode, boolean][] = [
		['departure_unset', daysLeft === null],
		['departure_passed', daysLeft !== null && daysLeft < 0],
		['departure_soon', daysLeft !== null && daysLeft >= 0 && daysLeft <= 30 && level !== 'ready'],
		['score_low', (daysLeft === null || daysLeft <= 90) && score < 0.5],
		['no_mock_test', real.length === 0],
		['no_recent_mock_test', real.length > 0 && recent.length === 0],
		['mock_test_pass_chance_low', recent.length > 0 && pass < 0.7],
		['mock_test_pass_chance_good', recent.length > 0 && pass >= 0.7],
		['core_deck_empty', deck.length === 0],
		['projected_recall_low', deck.length > 0 && recall < 0.8],
		['projected_recall_good', deck.length > 0 && recall >= 0.8],
		['protection_lessons_missing', protection.available > 0 && protection.done < protection.available],
		['protection_lessons_complete', protection.available > 0 && protection.done >= protection.available],
		['culture_lessons_missing', culture.available > 0 && culture.done < culture.available],
		['culture_lessons_complete', culture.available > 0 && culture.done >= culture.available],
		['lessons_unavailable', culture.available === 0 || protection.available === 0],
		['inactive', days < 4],
		['active', days >= 10]
	];
	return new Set(holds.filter(([, holds]) => holds).map(([code]) => code));
}

describe('reasons', () => {
	it('appear exactly when their condition holds, each once (per kind of lesson)', () => {
		const seen = new Set<ReasonCode>();
		for (const input of trainees(6, 600)) {
			const result = assess(input, NOW);
			const got = result.reasons.map((r) => r.code);
			expect(new Set(got)).toStrictEqual(expectedCodes(input, result.level, result.score));
			const unavailable = got.filter((c) => c === 'lessons_unavailable').length;
			expect(got.length - unavailable).toBe(new Set(got.filter((c) => c !== 'lessons_unavailable')).size);
			got.forEach((code) => seen.add(code));
		}
		// The sample is wide enough to have exercised every reason.
		expect(seen.size).toBe(18);
	});
});

const rank: Record<ReadinessLevel, number> = { at_risk: 0, on_track: 1, ready: 2 };

describe('monotonicity', () => {
	it('a better mock-test result never lowers the level or the score', () => {
		const random = seededRandom(61);
		for (const input of trainees(60, 600)) {
			if (input.mockTests.length === 0) continue;
			const index = Math.floor(random() * input.mockTests.length);
			const better = input.mockTests.map((t, i) => (i === index ? { ...t, passProbability: Math.min(1, t.passProbability + random() * 0.5) } : t));
			const before = assess(input, NOW);
			const after = assess({ ...input, mockTests: better }, NOW);
			expect(rank[after.level]).toBeGreaterThanOrEqual(rank[before.level]);
			expect(after.score).toBeGreaterThanOrEqual(before.score - 1e-12);
		}
	});

	it('more recall (a card studied, or remembered longer) never lowers the level or the score', () => {
		const random = seededRandom(71);
		for (const input of trainees(70, 600)) {
			const schedules = input.coreDeck.schedules;
			if (schedules.length === 0) continue;
			const index = Math.floor(random() * schedules.length);
			const stronger = schedules.map((s, i) => (i !== index ? s : s === null ? card(30) : { ...s, stability: s.stability * (1 + random() * 3) }));
			const before = assess(input, NOW);
			const after = assess({ ...input, coreDeck: { ...input.coreDeck, schedules: stronger } }, NOW);
			expect(rank[after.level]).toBeGreaterThanOrEqual(rank[before.level]);
			expect(after.score).toBeGreaterThanOrEqual(before.score - 1e-12);
		}
	});

	it('reaches every level in the sample', () => {
		const levels = new Set(trainees(6, 600).map((input) => assess(input, NOW).level));
		expect(levels).toStrictEqual(new Set(['ready', 'on_track', 'at_risk']));
	});
});
