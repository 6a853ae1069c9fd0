import type { TestType } from '$lib/mock-tests/blueprints';
import { assess, departure, READINESS_RULES, type AssessInput, type MockTestResult, type Readiness } from '$lib/readiness';
import { DEFAULT_STUDY_SETTINGS, recallCurve, type StudySettings } from '$lib/scheduling';
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
	sector: string;
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

/**
 * One trainee's entry of forCohort (the same figures), computed for that trainee alone; null when they are not in
 * the cohort or the caller may not see it.
 */
export async function forMember(claims: Claims, cohortId: string, userId: string, now: Date, tzOffsetMinutes = 420): Promise<TraineeReadiness | null> {
	const [entry] = await withUser(claims, (sql) => assessCohort(sql, cohortId, now, tzOffsetMinutes, userId));
	return entry ?? null;
}

/**
 * forCohort in a transaction the caller holds; the ministry's readiness job (src/lib/server/ministry) runs it as
 * the owner. With onlyUserId, just that trainee (each trainee's assessment depends only on their own rows and the
 * cohort's).
 */
export async function assessCohort(sql: Sql, cohortId: string, now: Date, tzOffsetMinutes = 420, onlyUserId?: string): Promise<TraineeReadiness[]> {
	const windowDays = READINESS_RULES.activity.windowDays;
	const only = onlyUserId === undefined ? '' : 'and m.user_id = $2';
	const onlyParam = onlyUserId === undefined ? [] : [onlyUserId];
	const members = await sql.query<Member>(
		`select m.user_id as "userId", p.display_name as "displayName", c.sector, c.target_exam as "targetExam",
			to_char(c.departure_date, 'YYYY-MM-DD') as "departureDate", c.desired_retention as "desiredRetention",
			sp.fsrs_weights as weights
		 from public.cohorts c
		 join public.cohort_members m on m.cohort_id = c.id
		 join public.profiles p on p.id = m.user_id
		 left join public.study_preferences sp on sp.user_id = m.user_id
		 where c.id = $1 ${only}
		 order by p.display_name, m.user_id`,
		[cohortId, ...onlyParam]
	);
	if (members.length === 0) return [];
	// The statements below start from these trainees (an array of ids) rather than joining cohort_members again: its
	// row-level policy calls a function per row, in every statement. Each trainee's own rows are still read under
	// their tables' policies.
	const ids = members.map((member) => member.userId);

	// One statement at a time: a pg client runs one query at a time anyway.
	// The latest submitted attempts at the cohort's exam, per trainee, by test_attempts(user_id, started_at).
	const attempts = await sql.query<{ userId: string; test: TestType; submittedAt: string; practice: boolean; passProbability: number | null; passed: boolean | null }>(
		`select m.user_id as "userId", a.test,
			to_char(a.submitted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "submittedAt",
			a.practice, (a.score ->> 'passProbability')::float8 as "passProbability", (a.score ->> 'passed')::boolean as passed
		 from unnest($2::uuid[]) as m(user_id)
		 cross join lateral (
			select t.test, t.submitted_at, t.practice, t.score from public.test_attempts t
			where t.user_id = m.user_id and t.test = $1 and t.submitted_at is not null and t.score is not null
			order by t.started_at desc limit ${ATTEMPTS_PER_TRAINEE}
		 ) a`,
		[members[0]!.targetExam, ids]
	);
	const trip = departure(members[0]!.departureDate, now);
	const deck = await deckRecall(sql, members, trip.projectAt);
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
		 from unnest($1::uuid[]) as m(user_id)
		 join public.lesson_completions lc on lc.user_id = m.user_id
		 join modules mo on mo.id = lc.lesson_id
		 group by m.user_id`,
		[ids, WORKPLACE_TRACK]
	);
	// Reviews over the last windowDays local days, by review_logs(user_id, reviewed_at): a range per trainee (as a
	// lateral aggregate, so the planner cannot trade it for a scan of the whole log when the cohort is most of it).
	const activity = await sql.query<{ userId: string; days: number; reviews: number; minutes: number }>(
		`select m.user_id as "userId", a.days, a.reviews, a.minutes
		 from unnest($1::uuid[]) as m(user_id)
		 cross join lateral (
			select count(distinct ((r.reviewed_at at time zone 'UTC') + make_interval(mins => $2))::date)::int as days,
				count(*)::int as reviews, round(sum(r.duration_ms) / 60000.0)::int as minutes
			from public.review_logs r
			where r.user_id = m.user_id and r.reviewed_at >= $3 and r.reviewed_at <= $4
		 ) a
		 where a.reviews > 0`,
		[ids, tzOffsetMinutes, windowStart(now, tzOffsetMinutes, windowDays).toISOString(), now.toISOString()]
	);

	const available = lessons.find((row) => row.userId === null);
	const coreCards = coreSize[0]?.n ?? 0;
	const decks = new Map(deck.map((row) => [row.userId, row]));
	const tests = groupBy(attempts);
	const done = new Map(lessons.map((row) => [row.userId, row]));
	const studied = new Map(activity.map((row) => [row.userId, row]));
	return members.map((member) => {
		const cards = decks.get(member.userId);
		const completed = done.get(member.userId);
		const active = studied.get(member.userId);
		const input: AssessInput = {
			cohort: { targetExam: member.targetExam, departureDate: member.departureDate },
			mockTests: (tests.get(member.userId) ?? []).map(toResult),
			// Core cards not yet in the deck count as never studied (0), as in the card-by-card model.
			coreDeck: {
				projectedAt: trip.projectAt.toISOString(),
				recallSum: cards?.recallSum ?? 0,
				studied: cards?.studied ?? 0,
				of: Math.max(coreCards, cards?.cards ?? 0)
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

type DeckRow = { userId: string; cards: number; studied: number; recallSum: number };

/**
 * The core deck's projected recall, summed per trainee in the database: 200 rows instead of every schedule (60,000
 * for a cohort of 200, which took most of the dashboard's time to fetch and parse). Each card adds exactly what
 * retrievability() in src/lib/scheduling gives it — ts-fsrs's forgetting_curve, round8((1 + factor·t/S)^decay),
 * t the days from its last review to the projection date (whole milliseconds over 86,400,000, as in JavaScript) —
 * with decay and factor from ts-fsrs itself for each trainee's weights (fitted weights have their own decay); a
 * card never studied (no schedule, New, no last review) adds 0. The SQL is private.deck_recall_compute (migration
 * 20261124001800), which reads the deck's stability, fsrs_state and last_reviewed_at: a trigger keeps them equal to
 * the schedule. tests/db/readiness-recall.test.ts holds the sums to the TypeScript model's.
 *
 * Sums are kept in deck_recall_sums, each for the projection date and curve it was computed for, and deleted
 * whenever the trainee's deck or the curriculum changes: a kept sum is exactly what computing it now would give.
 * Those not kept are computed and kept by public.refresh_deck_recall for the people the caller may see; whatever is
 * still missing (the readiness job runs as the owner, whom that rule shows no one) is computed directly.
 */
async function deckRecall(sql: Sql, members: Member[], at: Date): Promise<DeckRow[]> {
	const sector = members[0]!.sector;
	const atMs = at.getTime();
	const curves = new Map(members.map((member) => [member.userId, recallCurve(settingsFor(member))]));
	const args = (ids: string[]) => [ids, ids.map((id) => curves.get(id)!.decay), ids.map((id) => curves.get(id)!.factor)];
	const kept = (ids: string[]) =>
		sql.query<DeckRow>(
			`select r.user_id as "userId", r.cards, r.studied, r.recall_sum as "recallSum"
			 from unnest($1::uuid[], $2::float8[], $3::float8[]) as k(user_id, decay, factor)
			 join public.deck_recall_sums r on r.user_id = k.user_id and r.sector = $4
				and r.projected_at = to_timestamp($5::float8 / 1000) and r.decay = k.decay and r.factor = k.factor`,
			[...args(ids), sector, atMs]
		);
	const missing = (rows: DeckRow[], ids: string[]) => {
		const found = new Set(rows.map((row) => row.userId));
		return ids.filter((id) => !found.has(id));
	};
	const rows = await kept([...curves.keys()]);
	let left = missing(rows, [...curves.keys()]);
	if (left.length > 0) {
		await sql.query('select public.refresh_deck_recall($1, $2, $3, $4, $5)', [sector, atMs, ...args(left)]);
		const refreshed = await kept(left);
		rows.push(...refreshed);
		left = missing(refreshed, left);
	}
	if (left.length > 0) {
		rows.push(
			...(await sql.query<DeckRow>(
				`select user_id as "userId", cards, studied, recall_sum as "recallSum" from private.deck_recall_compute($1, $2, $3, $4, $5)`,
				[sector, atMs, ...args(left)]
			))
		);
	}
	return rows;
}
