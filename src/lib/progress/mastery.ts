import { retrievability, type ScheduleState, type StudySettings } from '$lib/scheduling';
import type { MasteryCount } from './types';

/** A card counts as mastered while the trainee would recall it now with at least this probability. */
export const MASTERED_RECALL = 0.9;

export function isMastered(schedule: ScheduleState | null, at: Date, settings?: StudySettings): boolean {
	return retrievability(schedule, at, settings) >= MASTERED_RECALL;
}

/**
 * Mastery per group (track, scene…): a card counts once in each group keysOf gives it, never-studied cards
 * count as not mastered. Groups come out in the order they were first met.
 */
export function masteryBy<Card extends { schedule: ScheduleState | null }, Key>(
	cards: readonly Card[],
	keysOf: (card: Card) => readonly Key[],
	at: Date,
	settings?: StudySettings
): Map<Key, MasteryCount> {
	const groups = new Map<Key, MasteryCount>();
	for (const card of cards) {
		const mastered = isMastered(card.schedule, at, settings);
		for (const key of new Set(keysOf(card))) {
			const group = groups.get(key) ?? { cards: 0, mastered: 0 };
			group.cards += 1;
			if (mastered) group.mastered += 1;
			groups.set(key, group);
		}
	}
	return groups;
}

/** Weakest share first; among equals the bigger group first, then by name. */
export function weakestFirst<T extends MasteryCount>(groups: readonly T[], nameOf: (group: T) => string): T[] {
	return [...groups].sort(
		(a, b) => a.mastered / a.cards - b.mastered / b.cards || b.cards - a.cards || nameOf(a).localeCompare(nameOf(b))
	);
}
