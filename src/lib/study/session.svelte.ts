import { v7 as uuidv7 } from 'uuid';
import { grade, type Rating } from '$lib/scheduling';
import type { DeviceStore } from './device-store';
import { nextCard, type TodayPlan } from './planner';
import type { DeviceCard, DeviceSettings, QueuedReview, StudyMode } from './types';

const MAX_DURATION_MS = 10 * 60_000;

/**
 * A drill session on the phone: grading is computed here, never waits on the network, and each review is
 * written to the phone's queue in grading order.
 */
export class StudySession {
	cards = $state<DeviceCard[]>([]);
	current = $state<DeviceCard | null>(null);
	reviewsLeft = $state(0);
	newLeft = $state(0);
	graded = $state(0);
	private shownAt = Date.now();
	private writes: Promise<unknown> = Promise.resolve();

	constructor(
		private readonly store: DeviceStore,
		private readonly settings: DeviceSettings,
		readonly mode: StudyMode,
		cards: DeviceCard[],
		plan: TodayPlan
	) {
		this.cards = cards;
		this.reviewsLeft = plan.reviewsToday;
		this.newLeft = plan.newToday;
		this.advance(new Date());
	}

	private advance(now: Date, previous?: string): void {
		this.current = nextCard(this.cards, now, this.reviewsLeft, this.newLeft, previous);
		this.shownAt = now.getTime();
	}

	/** Schedules the card on the phone, shows the next one at once, then queues the review. */
	grade(rating: Rating, overridden = false): Promise<unknown> {
		const card = this.current;
		if (!card) return this.writes;
		const now = new Date();
		const schedule = grade($state.snapshot(card.schedule), rating, now, this.settings.scheduling);
		// A plain copy: IndexedDB cannot store Svelte's reactive proxies.
		const updated: DeviceCard = { ...$state.snapshot(card), schedule, firstReviewedAt: card.firstReviewedAt ?? now.toISOString() };
		if (!card.schedule) this.newLeft = Math.max(0, this.newLeft - 1);
		else if (card.schedule.state === 'Review') this.reviewsLeft = Math.max(0, this.reviewsLeft - 1);
		this.cards = this.cards.map((c) => (c.id === card.id ? updated : c));
		this.graded += 1;
		const review: QueuedReview = {
			id: uuidv7(), // time-ordered, so two answers in one millisecond replay in answer order
			cardId: card.id,
			rating,
			reviewedAt: now.toISOString(),
			durationMs: Math.min(MAX_DURATION_MS, Math.max(0, now.getTime() - this.shownAt)),
			mode: this.mode,
			overridden
		};
		this.advance(now, card.id);
		this.writes = this.writes.then(() => Promise.all([this.store.enqueue(review), this.store.putCard(updated)]));
		return this.writes;
	}

	/** Resolves when every graded card is on the phone's disk. */
	flushed(): Promise<unknown> {
		return this.writes;
	}
}
