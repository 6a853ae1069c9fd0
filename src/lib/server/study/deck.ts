import type { DayActivity, DeckResponse, DeviceCard as StudyCard } from '$lib/study/types';
import { withUser } from '../db';
import type { Claims } from '../db/types';
import { forTrainee } from './settings';

/** Days ahead the device keeps, so three days without signal still have cards to study. */
export const OFFLINE_DAYS = 3;

/**
 * What a trainee's phone needs for the next days: cards due by then, the next new cards in lesson order,
 * settings, and recent activity per local day (tzOffsetMinutes east of UTC, as the phone reports it).
 */
export async function load(claims: Claims, tzOffsetMinutes: number, now = new Date()): Promise<DeckResponse> {
	return withUser(claims, async (sql) => {
		const settings = await forTrainee(sql, claims.sub);
		const horizon = new Date(now.getTime() + OFFLINE_DAYS * 86_400_000).toISOString();
		const columns = `c.id, c.term, c.reading, c.meaning, c.part_of_speech as "partOfSpeech", c.accepted_forms as accept,
			c.examples, d.schedule, d.first_reviewed_at as "firstReviewedAt"`;
		const due = await sql.query<StudyCard>(
			`select ${columns} from deck_cards d join content_cards c on c.id = d.card_id
			 where d.user_id = $1 and d.schedule is not null and d.due_at <= $2
			 order by d.due_at`,
			[claims.sub, horizon]
		);
		const fresh = await sql.query<StudyCard>(
			`select ${columns} from deck_cards d
			 join content_cards c on c.id = d.card_id
			 join content_lessons l on l.id = c.lesson_id
			 join content_units u on u.id = l.unit_id
			 where d.user_id = $1 and d.schedule is null and c.retired_at is null
			 order by d.added_at, u.position, l.position, c.position
			 limit $2`,
			[claims.sub, settings.newCardsPerDay * (OFFLINE_DAYS + 1)]
		);
		const activity = await sql.query<DayActivity>(
			`select to_char((reviewed_at at time zone 'UTC') + make_interval(mins => $2), 'YYYY-MM-DD') as day,
				count(*)::int as reviews, round(sum(duration_ms) / 60000.0)::int as minutes
			 from review_logs where user_id = $1 and reviewed_at > $3::timestamptz - interval '60 days'
			 group by 1 order by 1`,
			[claims.sub, tzOffsetMinutes, now.toISOString()]
		);
		const [size] = await sql.query<{ n: number }>('select count(*)::int as n from deck_cards where user_id = $1', [claims.sub]);
		return { serverTime: now.toISOString(), settings, cards: [...due, ...fresh], activity, deckSize: size?.n ?? 0 };
	});
}
