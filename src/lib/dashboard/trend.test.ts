import { describe, expect, it } from 'vitest';
import { weeklyTrend } from './trend';

describe('weeklyTrend', () => {
	it('fills every week, with the recall rate and reviews per trainee', () => {
		const trend = weeklyTrend(['2026-11-09', '2026-11-16', '2026-11-23'], [{ week: 2, reviews: 40, recalled: 30, active: 3 }, { week: 0, reviews: 10, recalled: 10, active: 1 }], 4);
		expect(trend).toEqual([
			{ week: '2026-11-09', reviews: 10, active: 1, recallRate: 1, perTrainee: 2.5 },
			{ week: '2026-11-16', reviews: 0, active: 0, recallRate: null, perTrainee: 0 },
			{ week: '2026-11-23', reviews: 40, active: 3, recallRate: 0.75, perTrainee: 10 }
		]);
	});

	it('has no rate and no per-trainee figure without reviews or trainees', () => {
		expect(weeklyTrend(['2026-11-23'], [], 0)).toEqual([{ week: '2026-11-23', reviews: 0, active: 0, recallRate: null, perTrainee: 0 }]);
	});
});
