import { describe, expect, it } from 'vitest';
import { countAxis, stack } from './chart';

describe('countAxis', () => {
	it('rounds the top up to a step of 1, 2 or 5 × 10ⁿ', () => {
		expect(countAxis(7)).toEqual({ top: 8, ticks: [0, 2, 4, 6, 8] });
		expect(countAxis(54)).toEqual({ top: 60, ticks: [0, 20, 40, 60] });
		expect(countAxis(100)).toEqual({ top: 100, ticks: [0, 50, 100] });
		expect(countAxis(230).top).toBe(300);
	});

	it('never uses fractional steps for counts', () => {
		expect(countAxis(1)).toEqual({ top: 1, ticks: [0, 1] });
		expect(countAxis(3)).toEqual({ top: 3, ticks: [0, 1, 2, 3] });
	});

	it('has a usable axis for nothing at all', () => {
		expect(countAxis(0)).toEqual({ top: 1, ticks: [0, 1] });
	});
});

describe('stack', () => {
	it('lays segments end to end as fractions of the whole, skipping empty ones', () => {
		const segments = stack(
			[
				{ key: 'again', value: 1 },
				{ key: 'hard', value: 0 },
				{ key: 'good', value: 3 }
			],
			8
		);
		expect(segments).toEqual([
			{ key: 'again', start: 0, size: 0.125 },
			{ key: 'good', start: 0.125, size: 0.375 }
		]);
	});

	it('is empty for an empty whole', () => {
		expect(stack([{ key: 'x', value: 0 }], 0)).toEqual([]);
	});
});
