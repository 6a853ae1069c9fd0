import { describe, expect, it } from 'vitest';
import { countStates, deckSize } from './states';

describe('countStates', () => {
	it('counts every phase, zero included', () => {
		const states = countStates(['New', 'Review', 'Review', 'Relearning']);
		expect(states).toEqual({ New: 1, Learning: 0, Review: 2, Relearning: 1 });
		expect(deckSize(states)).toBe(4);
	});
});
