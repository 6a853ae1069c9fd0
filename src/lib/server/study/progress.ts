import type { LearningPhase, ScheduleState } from '$lib/scheduling';
import { fillDays, recentDays } from '$lib/progress/days';
import { masteryBy, weakestFirst } from '$lib/progress/mastery';
import { countStates } from '$lib/progress/states';
import type { DayReviews, Progress, Retention, TrackMastery } from '$lib/progress/types';
import { withUser } from '../db';
import type { Claims, Sql } from '../db/types';
import { forTrainee } from './settings';

export type { Progress } from '$lib/progress/types';

/**
 * The trainee's own study figures: reviews per local day (tzOffsetMinutes east of UTC), true retention and
 * reviews over the last 30 days, the deck by phase, and mastery per track and scene as of `now`.
 */
export async function load(claims: Claims, tzOffsetMinutes: number, now = new Date()): Promise<Progress> {
	const window = recentDays(now, tzOffsetMinutes);
	return withUser(claims, async (sql) => {
		const settings = await forTrainee(sql, claims.sub);
		const counted = await reviewsPerDay(sql, claims.sub, tzOffsetMinutes, window.from, window.to);
		const retention = await trueRetention(sql, claims.sub, window.from, window.to);
		const deck = await deckCards(sql, claims.sub);
		const tracks = masteryBy(deck, (card) => [card.track_id], now, settings.scheduling);
		const scenes = masteryBy(deck, (card) => card.scenes, now, settings.scheduling);
		const titles = new Map(deck.map((card) => [card.track_id, card.track_title]));
		return {
			tzOffsetMinutes,
			days: fillDays(window.days, counted),
			retention: { ...retention, target: settings.scheduling.desiredRetention },
			states: countStates(deck.map((card) => card.phase)),
			tracks: [...tracks].map(([id, count]): TrackMastery => ({ id, title: titles.get(id)!, ...count })),
			scenes: weakestFirst(
				[...scenes].map(([scene, count]) => ({ scene, ...count })),
				(group) => group.scene
			)
		};
	});
}

function reviewsPerDay(sql: Sql, userId: string, tzOffsetMinutes: number, from: Date, to: Date): Promise<DayReviews[]> {
	// `at time zone 'UTC'` first, so the session's TimeZone setting cannot shift the day.
	return sql.query<DayReviews>(
		`select to_char((reviewed_at at time zone 'UTC') + make_interval(mins => $2::int), 'YYYY-MM-DD') as day,
			count(*)::int as total,
			count(*) filter (where rating = 1)::int as again,
			count(*) filter (where rating = 2)::int as hard,
			count(*) filter (where rating = 3)::int as good,
			count(*) filter (where rating = 4)::int as easy
		 from review_logs
		 where user_id = $1 and reviewed_at >= $3::timestamptz and reviewed_at < $4::timestamptz
		 group by 1`,
		[userId, tzOffsetMinutes, from.toISOString(), to.toISOString()]
	);
}

/**
 * Reviews in the window whose previous review of the same card was a day or more earlier (the card was
 * learnt, not in its first steps), and how many of them were recalled. The previous review may lie before
 * the window, so each reviewed card brings its one latest earlier review along (an index lookup, not its history).
 */
async function trueRetention(sql: Sql, userId: string, from: Date, to: Date): Promise<Omit<Retention, 'target'>> {
	const [row] = await sql.query<Omit<Retention, 'target'>>(
		`with recent as (
			select id, card_id, rating, reviewed_at, true as counted
			from review_logs where user_id = $1 and reviewed_at >= $2::timestamptz and reviewed_at < $3::timestamptz
		), before as (
			select earlier.id, cards.card_id, earlier.rating, earlier.reviewed_at, false as counted
			from (select distinct card_id from recent) cards
			cross join lateral (
				select id, rating, reviewed_at from review_logs l
				where l.user_id = $1 and l.card_id = cards.card_id and l.reviewed_at < $2::timestamptz
				order by l.reviewed_at desc, l.id desc limit 1
			) earlier
		), ordered as (
			select counted, rating, reviewed_at,
				lag(reviewed_at) over (partition by card_id order by reviewed_at, id) as previous_at
			from (select * from recent union all select * from before) reviews
		)
		select count(*) filter (where rating > 1)::int as recalled, count(*)::int as reviews
		from ordered where counted and previous_at <= reviewed_at - interval '1 day'`,
		[userId, from.toISOString(), to.toISOString()]
	);
	return row ?? { recalled: 0, reviews: 0 };
}

interface DeckCard {
	schedule: ScheduleState | null;
	phase: LearningPhase;
	track_id: string;
	track_title: TrackMastery['title'];
	scenes: string[];
}

/** Every card in the deck the trainee can still meet (a retired card stays while it has a history), tracks in order. */
function deckCards(sql: Sql, userId: string): Promise<DeckCard[]> {
	return sql.query<DeckCard>(
		`select d.schedule,
			case when d.schedule is null then 'New'
				else (array['New', 'Learning', 'Review', 'Relearning'])[d.fsrs_state + 1] end as phase,
			t.id as track_id, t.title as track_title, c.scenes
		 from deck_cards d
		 join content_cards c on c.id = d.card_id
		 join content_lessons l on l.id = c.lesson_id
		 join content_units u on u.id = l.unit_id
		 join content_tracks t on t.id = u.track_id
		 where d.user_id = $1 and (d.schedule is not null or c.retired_at is null)
		 order by t.position, t.id`,
		[userId]
	);
}
