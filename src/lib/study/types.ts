import type { Review, ScheduleState } from '$lib/scheduling';
import type { Segment } from '$lib/content/furigana';

export const studyModes = ['recognition', 'recall', 'reading', 'listening', 'cloze'] as const;
export type StudyMode = (typeof studyModes)[number];

/** A review waiting on the phone to be sent: what the server's review log will hold. */
export interface QueuedReview extends Review {
	mode: StudyMode;
	overridden: boolean;
}

/** A card as the phone keeps it (the deck endpoint's shape), with the schedule the phone computed last. */
export interface DeviceCard {
	id: string;
	term: string;
	reading: string;
	meaning: { id: string; en: string };
	partOfSpeech: string;
	accept: string[];
	examples: { ja: string; furigana: Segment[]; id: string; en: string }[];
	schedule: ScheduleState | null;
	firstReviewedAt: string | null;
}

export interface DayActivity {
	day: string;
	reviews: number;
	minutes: number;
}

export interface DeviceSettings {
	scheduling: import('$lib/scheduling').StudySettings;
	newCardsPerDay: number;
	cohortNewCardsPerDay: number;
}

/** What the deck endpoint returns. */
export interface DeckResponse {
	serverTime: string;
	settings: DeviceSettings;
	cards: DeviceCard[];
	activity: DayActivity[];
	deckSize: number;
}

/** What the sync endpoint returns (200, or 422 when some entries were refused). */
export interface SyncResponse {
	accepted: string[];
	duplicates: string[];
	rejected: { id: string | null; reason: string }[];
	schedules: Record<string, ScheduleState>;
}

export interface StudyMeta {
	settings: DeviceSettings | null;
	activity: DayActivity[];
	deckSize: number;
	deckFetchedAt: string | null;
	lastSyncAt: string | null;
	/** Entries the server refused at the last sync, kept to tell the trainee. */
	lastRejected: number;
}
