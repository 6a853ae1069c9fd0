import type { LearningPhase } from '$lib/scheduling';
import type { CardStates } from './types';

/** The phases in the order a card passes through them, for legends and stacked bars. */
export const PHASES: readonly LearningPhase[] = ['New', 'Learning', 'Review', 'Relearning'];

export function countStates(phases: Iterable<LearningPhase>): CardStates {
	const counts: CardStates = { New: 0, Learning: 0, Review: 0, Relearning: 0 };
	for (const phase of phases) counts[phase] += 1;
	return counts;
}

export function deckSize(states: CardStates): number {
	return PHASES.reduce((sum, phase) => sum + states[phase], 0);
}
