import { forecast, newCardsToday, planCatchUp, type ScheduleState } from '$lib/scheduling';
import type { DayActivity, DeviceCard, QueuedReview } from './types';

/** A backlog larger than this many days of the usual load is spread out when catch-up mode is on. */
const CATCH_UP_DAYS = 4;
/** Learning cards may come a little early when nothing else is due, as Anki's learn-ahead does. */
const LEARN_AHEAD_MS = 20 * 60_000;

/** The local calendar day of an instant, for an offset in minutes east of UTC (WITA: 480). */
export function localDay(at: string | Date, tzOffsetMinutes: number): string {
	const time = (typeof at === 'string' ? Date.parse(at) : at.getTime()) + tzOffsetMinutes * 60_000;
	return new Date(time).toISOString().slice(0, 10);
}

function previousDay(day: string): string {
	return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** Study per local day: what the server has counted plus what is still queued on the phone. */
export function mergeActivity(activity: DayActivity[], queue: QueuedReview[], tzOffsetMinutes: number): Map<string, DayActivity> {
	const days = new Map(activity.map((a) => [a.day, { ...a }]));
	for (const review of queue) {
		const day = localDay(review.reviewedAt, tzOffsetMinutes);
		const entry = days.get(day) ?? { day, reviews: 0, minutes: 0 };
		entry.reviews += 1;
		entry.minutes += review.durationMs / 60_000;
		days.set(day, entry);
	}
	return days;
}

/** Days in a row with at least one review, ending today (or yesterday, while today is still open). */
export function streak(days: Map<string, DayActivity>, today: string): number {
	let day = days.has(today) ? today : previousDay(today);
	let count = 0;
	while (days.get(day)?.reviews) {
		count++;
		day = previousDay(day);
	}
	return count;
}

export interface TodayPlan {
	dueReviews: number;
	/** Reviews planned for today: all of them, or today's share of a backlog in catch-up mode. */
	reviewsToday: number;
	newToday: number;
	introducedToday: number;
	tomorrow: number;
	backlogDays: number;
	catchUpSuggested: boolean;
}

export function planToday(
	cards: DeviceCard[],
	settings: { newCardsPerDay: number; cohortNewCardsPerDay: number },
	now: Date,
	tzOffsetMinutes: number,
	catchUp: boolean,
	reviewedToday: number
): TodayPlan {
	const today = localDay(now, tzOffsetMinutes);
	const due = cards.filter((c) => c.schedule && Date.parse(c.schedule.due) <= now.getTime());
	const introducedToday = cards.filter((c) => c.firstReviewedAt && localDay(c.firstReviewedAt, tzOffsetMinutes) === today).length;
	const newLimit = newCardsToday({ cohortLimit: settings.cohortNewCardsPerDay, traineeLimit: settings.newCardsPerDay, introducedToday });
	const unseen = cards.filter((c) => !c.schedule).length;
	const usualLoad = Math.max(20, settings.newCardsPerDay * 5);
	const plan = planCatchUp(due.length + reviewedToday, CATCH_UP_DAYS);
	const startOfTomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000 - tzOffsetMinutes * 60_000);
	const [tomorrow = 0] = forecast(
		cards.map((c) => c.schedule).filter((s): s is ScheduleState => s !== null && Date.parse(s.due) > now.getTime()),
		startOfTomorrow,
		1
	);
	return {
		dueReviews: due.length,
		reviewsToday: catchUp ? Math.max(0, plan.today - reviewedToday) : due.length,
		newToday: Math.min(newLimit, unseen),
		introducedToday,
		tomorrow,
		backlogDays: Math.ceil(due.length / usualLoad),
		catchUpSuggested: due.length > usualLoad * 2
	};
}

/**
 * The next card of a session: the most overdue review, then a new card while today's allowance lasts, then
 * a learning card a little ahead of time. Null when today's work is done.
 */
export function nextCard(cards: DeviceCard[], now: Date, reviewsLeft: number, newLeft: number, exclude?: string): DeviceCard | null {
	const candidates = cards.filter((c) => c.id !== exclude);
	const due = candidates
		.filter((c) => c.schedule && Date.parse(c.schedule.due) <= now.getTime())
		.sort((a, b) => Date.parse(a.schedule!.due) - Date.parse(b.schedule!.due));
	const learningDue = due.filter((c) => c.schedule!.state === 'Learning' || c.schedule!.state === 'Relearning');
	// Learning steps are part of today's new cards, so they go on even when the review allowance is spent.
	if (learningDue[0]) return learningDue[0];
	if (reviewsLeft > 0 && due[0]) return due[0];
	if (newLeft > 0) {
		const fresh = candidates.find((c) => !c.schedule);
		if (fresh) return fresh;
	}
	const ahead = candidates
		.filter((c) => c.schedule && (c.schedule.state === 'Learning' || c.schedule.state === 'Relearning'))
		.filter((c) => Date.parse(c.schedule!.due) <= now.getTime() + LEARN_AHEAD_MS)
		.sort((a, b) => Date.parse(a.schedule!.due) - Date.parse(b.schedule!.due));
	return ahead[0] ?? null;
}
