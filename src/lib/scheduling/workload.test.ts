import { describe, expect, it } from 'vitest';
import { newCardsToday, planCatchUp } from './workload';

describe('planCatchUp', () => {
	it('spreads a backlog evenly, earlier days taking the remainder', () => {
		expect(planCatchUp(100, 3)).toStrictEqual({ today: 34, perDay: [34, 33, 33], leftOver: 0 });
		expect(planCatchUp(3, 5).perDay).toStrictEqual([1, 1, 1, 0, 0]);
	});

	it('never goes over the daily cap, and says what is left', () => {
		expect(planCatchUp(500, 4, 100)).toStrictEqual({ today: 100, perDay: [100, 100, 100, 100], leftOver: 100 });
		expect(planCatchUp(250, 4, 100).perDay).toStrictEqual([63, 63, 62, 62]);
	});

	it('treats nonsense counts as nothing to do, and at least one day', () => {
		expect(planCatchUp(0, 5).perDay).toStrictEqual([0, 0, 0, 0, 0]);
		expect(planCatchUp(Number.NaN, 2).today).toBe(0);
		expect(planCatchUp(40, 0)).toStrictEqual({ today: 40, perDay: [40], leftOver: 0 });
		expect(planCatchUp(10, 2, -5)).toStrictEqual({ today: 0, perDay: [0, 0], leftOver: 10 });
	});
});

describe('newCardsToday', () => {
	it("uses the cohort's limit, 10 by default", () => {
		expect(newCardsToday({ introducedToday: 0 })).toBe(10);
		expect(newCardsToday({ cohortLimit: 20, introducedToday: 5 })).toBe(15);
	});

	it('lets a trainee lower the limit but not raise it', () => {
		expect(newCardsToday({ cohortLimit: 20, traineeLimit: 5, introducedToday: 2 })).toBe(3);
		expect(newCardsToday({ cohortLimit: 20, traineeLimit: 50, introducedToday: 2 })).toBe(18);
		expect(newCardsToday({ cohortLimit: 20, traineeLimit: 0, introducedToday: 0 })).toBe(0);
	});

	it('never goes below zero', () => {
		expect(newCardsToday({ cohortLimit: 10, introducedToday: 14 })).toBe(0);
		expect(newCardsToday({ cohortLimit: -3, traineeLimit: Number.NaN, introducedToday: 0 })).toBe(0);
	});
});
