import type { TestType } from '$lib/mock-tests/blueprints';
import { assess, READINESS_RULES, type MockTestResult, type Readiness, type ReadinessInput } from '$lib/readiness';
import { DEFAULT_STUDY_SETTINGS, type ScheduleState, type StudySettings } from '$lib/scheduling';
import { DAY_MS } from '$lib/scheduling/time';
import { withUser } from '../db';
import type { Claims, Sql } from '../db/types';

export interface TraineeReadiness {
	traineeId: string;
	displayName: string;
	readiness: Readiness;
}

/** The track whose lessons carry the culture and protection modules (content/tracks.yaml). */
const WORKPLACE_TRACK = 'workplace';
/** Enough recent attempts per trainee for the model (it reads at most READINESS_RULES.mockTest.attempts real ones). */
const ATTEMPTS_PER_TRAINEE = 20;

interface Member {
	userId: string;
	displayName: string;
	targetExam: TestType;
	departureDate: string | null;
	desiredRetention: string | number;
	weights: number[] | null;
}

/**
 * Readiness of every trainee in the cohort. Row-level security leaves the list empty for anyone who neither
 * teaches the cohort nor administers its center. Each query starts from cohort_members(cohort_id) and reaches
 * the trainees' rows through their (user_id, …) indexes, so the cost grows with the cohort, not the tables.
 * Local days are counted in tzOffsetMinutes east of UTC (WIB by default: the trainees study in Indonesia).
 */
export async function forCohort(claims: Claims, cohortId: string, now: Date, tzOffsetMinutes = 420): Promise<TraineeReadiness[]> {
	return withUser(claims, (sql) => assessCohort(sql, cohortId, now, tzOffsetMinutes));
}

/** forCohort in a transaction the caller holds; the ministry's readiness job (src/lib/server/ministry) runs it as the owner. */
export async function assessCohort(sql: Sql, cohortId: string, now: Date, tzOffsetMinutes = 420): Promise<TraineeReadiness[]> {
	const windowDays = READINESS_RULES.activity.windowDays;
	const members = await sql.query<Member>(
		`select m.user_id as "userId", p.display_name as "displayName", c.target_exam as "targetExam",
			to_char(c.departure_date, 'YYYY-MM-DD') as "departureDate", c.desired_retention as "desiredRetention",
			sp.fsrs_weights as weights
		 from public.cohorts c
		 join public.cohort_members m on m.cohort_id = c.id
		 join public.profiles p on p.id = m.user_id
		 left join public.study_preferences sp on sp.user_id = m.user_id
		 where c.id = $1
		 order by p.display_name, m.user_id`,
		[cohortId]
	);
	if (members.length === 0) return [];

	// One statement at a time: a pg client runs one query at a time anyway.
	// The latest submitted attempts at the cohort's exam, per trainee, by test_attempts(user_id, started_at).
	const attempts = await sql.query<{ userId: string; test: TestType; submittedAt: string; practice: boolean; passProbability: number | null; passed: boolean | null }>(
		`select m.user_id as "userId", a.test,
			to_char(a.submitted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "submittedAt",
			a.practice, (a.score ->> 'passProbability')::float8 as "passProbability", (a.score ->> 'passed')::boolean as passed
		 from public.cohorts c
		 join public.cohort_members m on m.cohort_id = c.id
		 cross join lateral (
			select t.test, t.submitted_at, t.practice, t.score from public.test_attempts t
			where t.user_id = m.user_id and t.test = c.target_exam and t.submitted_at is not null and t.score is not null
			order by t.started_at desc limit ${ATTEMPTS_PER_TRAINEE}
		 ) a
		 where c.id = $1`,
		[cohortId]
	);
	// Schedules of the trainees' deck cards that belong to the cohort's sector track.
	const deck = await sql.query<{ userId: string; schedule: ScheduleState | null }>(
		`select d.user_id as "userId", d.schedule
		 from public.cohorts c
		 join public.cohort_members m on m.cohort_id = c.id
		 join public.deck_cards d on d.user_id = m.user_id
		 join public.content_cards cc on cc.id = d.card_id and cc.retired_at is null
		 join public.content_lessons l on l.id = cc.lesson_id
		 join public.content_units u on u.id = l.unit_id
		 join public.content_tracks t on t.id = u.track_id and t.sector = c.sector
		 where c.id = $1`,
		[cohortId]
	);
	// How many cards the sector core deck has: a card not yet in a trainee's deck counts as never studied.
	const coreSize = await sql.query<{ n: number }>(
		`select count(*)::int as n
		 from public.cohorts c
		 join public.content_tracks t on t.sector = c.sector
		 join public.content_units u on u.track_id = t.id
		 join public.content_lessons l on l.unit_id = u.id
		 join public.content_cards cc on cc.lesson_id = l.id and cc.retired_at is null
		 where c.id = $1`,
		[cohortId]
	);
	// Culture and protection lessons of the workplace track: how many are published (the row without a userId), and how many each trainee has done.
	const lessons = await sql.query<{ userId: string | null; culture: number; protection: number }>(
		`with modules as (
			select l.id, cardinality(l.culture_ids) > 0 as culture, cardinality(l.protection_ids) > 0 as protection
			from public.content_units u join public.content_lessons l on l.unit_id = u.id
			where u.track_id = $2 and u.retired_at is null and l.retired_at is null
			  and (cardinality(l.culture_ids) > 0 or cardinality(l.protection_ids) > 0)
		 )
		 select null::uuid as "userId", (count(*) filter (where culture))::int as culture,
			(count(*) filter (where protection))::int as protection
		 from modules
		 union all
		 select m.user_id, (count(*) filter (where mo.culture))::int, (count(*) filter (where mo.protection))::int
		 from public.cohort_members m
		 join public.lesson_completions lc on lc.user_id = m.user_id
		 join modules mo on mo.id = lc.lesson_id
		 where m.cohort_id = $1
		 group by m.user_id`,
		[cohortId, WORKPLACE_TRACK]
	);
	// Reviews over the last windowDays local days, by review_logs(user_id, reviewed_at).
	const activity = await sql.query<{ userId: string; days: number; reviews: number; minutes: number }>(
		`select m.user_id as "userId",
			count(distinct ((r.reviewed_at at time zone 'UTC') + make_interval(mins => $2))::date)::int as days,
			count(*)::int as reviews, round(sum(r.duration_ms) / 60000.0)::int as minutes
		 from public.cohort_members m
		 join public.review_logs r on r.user_id = m.user_id and r.reviewed_at >= $3 and r.reviewed_at <= $4
		 where m.cohort_id = $1
		 group by m.user_id`,
		[cohortId, tzOffsetMinutes, windowStart(now, tzOffsetMinutes, windowDays).toISOString(), now.toISOString()]
	);

	const available = lessons.find((row) => row.userId === null);
	const coreCards = coreSize[0]?.n ?? 0;
	const decks = groupBy(deck);
	const tests = groupBy(attempts);
	const done = new Map(lessons.map((row) => [row.userId, row]));
	const studied = new Map(activity.map((row) => [row.userId, row]));
	return members.map((member) => {
		const schedules = (decks.get(member.userId) ?? []).map((row) => row.schedule);
		const completed = done.get(member.userId);
		const active = studied.get(member.userId);
		const input: ReadinessInput = {
			cohort: { targetExam: member.targetExam, departureDate: member.departureDate },
			mockTests: (tests.get(member.userId) ?? []).map(toResult),
			coreDeck: {
				schedules: [...schedules, ...Array<null>(Math.max(0, coreCards - schedules.length)).fill(null)],
				settings: settingsFor(member)
			},
			lessons: {
				culture: { done: completed?.culture ?? 0, available: available?.culture ?? 0 },
				protection: { done: completed?.protection ?? 0, available: available?.protection ?? 0 }
			},
			activity: { daysStudied: active?.days ?? 0, reviews: active?.reviews ?? 0, minutes: active?.minutes ?? 0 }
		};
		return { traineeId: member.userId, displayName: member.displayName, readiness: assess(input, now) };
	});
}

// Rows per trainee, so assembling a cohort of hundreds stays linear in the rows.
function groupBy<T extends { userId: string }>(rows: T[]): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const row of rows) groups.get(row.userId)?.push(row) ?? groups.set(row.userId, [row]);
	return groups;
}

/** The UTC instant at which the first local day of the window began (today counts as one of the days). */
function windowStart(now: Date, tzOffsetMinutes: number, days: number): Date {
	const localMidnight = Math.floor((now.getTime() + tzOffsetMinutes * 60_000) / DAY_MS) * DAY_MS;
	return new Date(localMidnight - (days - 1) * DAY_MS - tzOffsetMinutes * 60_000);
}

function toResult(row: { test: TestType; submittedAt: string; practice: boolean; passProbability: number | null; passed: boolean | null }): MockTestResult {
	return { test: row.test, submittedAt: row.submittedAt, practice: row.practice, passProbability: Number(row.passProbability ?? 0), passed: row.passed === true };
}

// The trainee's fitted weights, which their instructors may read (migration 20261124000900).
function settingsFor(member: Member): StudySettings {
	return {
		...DEFAULT_STUDY_SETTINGS,
		desiredRetention: Number(member.desiredRetention ?? DEFAULT_STUDY_SETTINGS.desiredRetention),
		...(member.weights ? { weights: member.weights } : {})
	};
}
