import { describe, expect, it } from 'vitest';
import { readRetention, share, STEADY_SAMPLE } from './retention';

describe('share', () => {
	it('is null rather than 0 when there is nothing to measure', () => {
		expect(share(0, 0)).toBeNull();
		expect(share(3, 4)).toBe(0.75);
	});
});

describe('readRetention', () => {
	it('reads rate, forgotten reviews and whether the aim is met', () => {
		expect(readRetention({ recalled: 45, reviews: 50, target: 0.9 })).toEqual({
			rate: 0.9,
			forgotten: 5,
			steady: true,
			onTarget: true
		});
		expect(readRetention({ recalled: 40, reviews: 50, target: 0.9 }).onTarget).toBe(false);
	});

	it('judges the aim at the precision it is shown (whole percent)', () => {
		expect(readRetention({ recalled: 897, reviews: 1000, target: 0.9 }).onTarget).toBe(true); // shown as 90%
		expect(readRetention({ recalled: 894, reviews: 1000, target: 0.9 }).onTarget).toBe(false); // shown as 89%
	});

	it('calls a small sample unsteady and no sample neither on nor off target', () => {
		expect(readRetention({ recalled: 4, reviews: STEADY_SAMPLE - 1, target: 0.9 }).steady).toBe(false);
		expect(readRetention({ recalled: 0, reviews: 0, target: 0.9 })).toEqual({
			rate: null,
			forgotten: 0,
			steady: false,
			onTarget: false
		});
	});
});
