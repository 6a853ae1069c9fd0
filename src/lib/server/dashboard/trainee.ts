import { activityCalendar, type ActivityCalendar, type DayCount } from '$lib/dashboard/calendar';
import { recentWeeks } from '$lib/dashboard/weeks';
import type { TestType } from '$lib/mock-tests/blueprints';
import { DEFAULT_TZ_OFFSET } from '$lib/progress/days';
import { withUser } from '../db';
import type { Claims, Sql } from '../db/types';
import * as readiness from '../readiness';
import { submissionsForTrainee, type TraineeSubmission } from '../work-tasks';
import type { TraineeReadiness } from '../readiness';

/** How many weeks the activity calendar and the retention table cover. */
export const TRAINEE_WEEKS = 16;

export interface WeekRetention {
	/** The week's Monday, YYYY-MM-DD (local). */
	week: string;
	/** Reviews of cards last seen a day or more before. */
	reviews: number;
	recalled: number;
	rate: number | null;
}

export interface MockTestRow {
	id: string;
	test: TestType;
	submittedAt: Date;
	total: number | null;
	passed: boolean | null;
	passProbability: number | null;
	practice: boolean;
}

export interface TraineeView {
	cohortId: string;
	userId: string;
	displayName: string;
	tzOffsetMinutes: number;
	calendar: ActivityCalendar;
	retention: WeekRetention[];
	mockTests: MockTestRow[];
	readiness: TraineeReadiness | null;
	/** Written and spoken work handed in for the cohort's work tasks, newest first. */
	submissions: TraineeSubmission[];
}

/**
 * One trainee of the cohort as their instructor sees them. Null when the person is not in this cohort, or the
 * cohort is not one the caller teaches or administers (row-level security hides the enrolment then).
 */
export async function forTrainee(
	claims: Claims,
	cohortId: string,
	userId: string,
	now = new Date(),
	tzOffsetMinutes = DEFAULT_TZ_OFFSET
): Promise<TraineeView | null> {
	const window = recentWeeks(now, tzOffsetMinutes, TRAINEE_WEEKS);
	const found = await withUser(claims, async (sql) => {
		const [member] = await sql.query<{ displayName: string }>(
			`select p.display_name as "displayName" from public.cohort_members m join public.profiles p on p.id = m.user_id
			 where m.cohort_id = $1 and m.user_id = $2 and private.sees_cohort(m.cohort_id)`,
			[cohortId, userId]
		);
		if (!member) return null;
		return {
			displayName: member.displayName,
			days: await reviewsPerDay(sql, userId, tzOffsetMinutes, window.from, window.to),
			retention: await retentionPerWeek(sql, userId, window.from, window.to),
			mockTests: await mockTests(sql, userId)
		};
	});
	if (!found) return null;
	// This trainee's entry alone: the same figures the cohort page shows (readiness.forMember), without the others'.
	const [traineeReadiness, submissions] = await Promise.all([
		readiness.forMember(claims, cohortId, userId, now, tzOffsetMinutes),
		submissionsForTrainee(claims, cohortId, userId)
	]);
	const byWeek = new Map(found.retention.map((row) => [row.week, row]));
	return {
		cohortId,
		userId,
		displayName: found.displayName,
		tzOffsetMinutes,
		calendar: activityCalendar(found.days, now, tzOffsetMinutes, TRAINEE_WEEKS),
		retention: window.weeks.map((_, index) => {
			const row = byWeek.get(index);
			const reviews = row?.reviews ?? 0;
			const recalled = row?.recalled ?? 0;
			return { week: window.weeks[index]!, reviews, recalled, rate: reviews > 0 ? recalled / reviews : null };
		}),
		mockTests: found.mockTests,
		readiness: traineeReadiness,
		submissions
	};
}

function reviewsPerDay(sql: Sql, userId: string, tzOffsetMinutes: number, from: Date, to: Date): Promise<DayCount[]> {
	// `at time zone 'UTC'` first, so the session's TimeZone setting cannot shift the day.
	return sql.query<DayCount>(
		`select to_char((reviewed_at at time zone 'UTC') + make_interval(mins => $2::int), 'YYYY-MM-DD') as day, count(*)::int as reviews
		 from public.review_logs
		 where user_id = $1 and reviewed_at >= $3::timestamptz and reviewed_at < $4::timestamptz
		 group by 1`,
		[userId, tzOffsetMinutes, from.toISOString(), to.toISOString()]
	);
}

/**
 * True retention per week, as the trainee's Progress page counts it: reviews of a card whose previous review
 * was a day or more earlier, and how many of them were recalled (not Again). Each card reviewed in the window
 * brings its latest earlier review along, so a week's first review of a card is counted too.
 */
function retentionPerWeek(sql: Sql, userId: string, from: Date, to: Date): Promise<{ week: number; reviews: number; recalled: number }[]> {
	return sql.query(
		`with recent as (
			select id, card_id, rating, reviewed_at, true as counted
			from public.review_logs where user_id = $1 and reviewed_at >= $2::timestamptz and reviewed_at < $3::timestamptz
		), before as (
			select earlier.id, cards.card_id, earlier.rating, earlier.reviewed_at, false as counted
			from (select distinct card_id from recent) cards
			cross join lateral (
				select id, rating, reviewed_at from public.review_logs l
				where l.user_id = $1 and l.card_id = cards.card_id and l.reviewed_at < $2::timestamptz
				order by l.reviewed_at desc, l.id desc limit 1
			) earlier
		), ordered as (
			select counted, rating, reviewed_at,
				lag(reviewed_at) over (partition by card_id order by reviewed_at, id) as previous_at
			from (select * from recent union all select * from before) reviews
		)
		select floor(extract(epoch from reviewed_at - $2::timestamptz) / 604800)::int as week,
			count(*)::int as reviews, (count(*) filter (where rating > 1))::int as recalled
		from ordered where counted and previous_at <= reviewed_at - interval '1 day'
		group by 1`,
		[userId, from.toISOString(), to.toISOString()]
	);
}

/** Every submitted attempt, newest first, by test_attempts(user_id, started_at). */
function mockTests(sql: Sql, userId: string): Promise<MockTestRow[]> {
	return sql.query<MockTestRow>(
		`select id, test, submitted_at as "submittedAt", (score ->> 'total')::int as total, (score ->> 'passed')::boolean as passed,
			(score ->> 'passProbability')::float8 as "passProbability", practice
		 from public.test_attempts
		 where user_id = $1 and submitted_at is not null and score is not null
		 order by started_at desc limit 50`,
		[userId]
	);
}
