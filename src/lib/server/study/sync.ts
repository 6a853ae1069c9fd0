import { replayByCard, type Review, type ScheduleState } from '$lib/scheduling';
import { withUser } from '../db';
import type { Claims } from '../db/types';
import { batchShape, reviewShape, type ReviewEntry } from './batch';
import { maybeFitParameters } from './optimizer';
import { saveSchedules } from './schedules';
import { forTrainee } from './settings';

export interface SyncResult {
	accepted: string[];
	duplicates: string[];
	rejected: { id: string | null; reason: string }[];
	/** The server's schedule for every card the batch touched: the device keeps these. */
	schedules: Record<string, ScheduleState>;
}

export class BatchError extends Error {}

/**
 * Stores a batch of reviews made on a device: each once (by its UUID), only for cards in the trainee's own
 * deck, never from the future; then derives those cards' schedules by replaying their whole logs.
 */
export async function syncReviews(claims: Claims, body: unknown, now = new Date()): Promise<SyncResult> {
	const batch = batchShape.safeParse(body);
	if (!batch.success) throw new BatchError('expected { reviews: [...] } with 1 to 2000 reviews');
	const shape = reviewShape(now);
	const result: SyncResult = { accepted: [], duplicates: [], rejected: [], schedules: {} };
	const valid: ReviewEntry[] = [];
	for (const raw of batch.data.reviews) {
		const parsed = shape.safeParse(raw);
		if (parsed.success) valid.push(parsed.data);
		else {
			const id = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : null;
			result.rejected.push({ id, reason: parsed.error.issues.map((i) => `${i.path.join('.') || 'review'}: ${i.message}`).join('; ') });
		}
	}
	if (valid.length === 0) return result;

	const touched = await withUser(claims, async (sql) => {
		const owned = new Set(
			(
				await sql.query<{ card_id: string }>(
					'select card_id from deck_cards where user_id = $1 and card_id = any($2::text[])',
					[claims.sub, [...new Set(valid.map((r) => r.cardId))]]
				)
			).map((row) => row.card_id)
		);
		const storable = valid.filter((review) => {
			if (owned.has(review.cardId)) return true;
			result.rejected.push({ id: review.id, reason: 'cardId: not a card in your deck' });
			return false;
		});
		if (storable.length === 0) return [];
		const inserted = await sql.query<{ id: string }>(
			`insert into review_logs (id, user_id, card_id, rating, reviewed_at, duration_ms, mode, overridden)
			 select r.id, $1, r."cardId", r.rating, r."reviewedAt", r."durationMs", r.mode, r.overridden
			 from jsonb_to_recordset($2::jsonb) as r(id uuid, "cardId" text, rating smallint, "reviewedAt" timestamptz,
				"durationMs" int, mode text, overridden boolean)
			 on conflict (id) do nothing
			 returning id`,
			[claims.sub, JSON.stringify(storable)]
		);
		const fresh = new Set(inserted.map((row) => row.id));
		for (const review of storable) (fresh.has(review.id) ? result.accepted : result.duplicates).push(review.id);
		return [...new Set(storable.map((r) => r.cardId))];
	});
	if (touched.length > 0) result.schedules = await rederive(claims, touched);
	if (result.accepted.length > 0) maybeFitParameters(claims.sub).catch((error) => console.warn('FSRS fit:', error));
	return result;
}

/** Replays the whole log of these cards (in time order, whatever order it arrived in) and saves the result. */
async function rederive(claims: Claims, cardIds: string[]): Promise<Record<string, ScheduleState>> {
	const { logs, settings } = await withUser(claims, async (sql) => ({
		settings: await forTrainee(sql, claims.sub),
		logs: await sql.query<Review>(
			`select id, card_id as "cardId", rating, to_char(reviewed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "reviewedAt",
				duration_ms as "durationMs"
			 from review_logs where user_id = $1 and card_id = any($2::text[])`,
			[claims.sub, cardIds]
		)
	}));
	const states = replayByCard(logs, settings.scheduling);
	await saveSchedules(claims.sub, states);
	return Object.fromEntries(states);
}
