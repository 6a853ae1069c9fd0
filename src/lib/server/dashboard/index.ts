import type { AssignmentStatus } from '$lib/assignments/status';
import { daysUntil } from '$lib/cohorts/departure';
import { heatmap, type CellCount, type HeatmapRow } from '$lib/dashboard/heatmap';
import { weeklyTrend, type TrendWeek, type WeekCount } from '$lib/dashboard/trend';
import { recentWeeks } from '$lib/dashboard/weeks';
import { blueprints } from '$lib/mock-tests/blueprints';
import { DEFAULT_TZ_OFFSET } from '$lib/progress/days';
import * as assignments from '../assignments';
import * as cohorts from '../cohorts';
import type { CohortSummary } from '../cohorts';
import { withUser } from '../db';
import type { Claims, Sql } from '../db/types';
import * as readiness from '../readiness';
import type { TraineeReadiness } from '../readiness';

/** How many recent weeks the heatmaps and the trend show. */
export const DASHBOARD_WEEKS = 8;

export interface AssignmentCompletion {
	id: string;
	kind: assignments.AssignmentKind;
	lessonTitle: assignments.Assignment['lessonTitle'];
	trackTitle: assignments.Assignment['trackTitle'];
	scene: string | null;
	targetReviews: number | null;
	workMode: assignments.Assignment['workMode'];
	title: string | null;
	dueAt: Date;
	counts: Record<AssignmentStatus, number>;
}

export interface MondaiRow extends HeatmapRow {
	section: string;
	/** The name on the real paper, in Japanese. */
	name: string;
}

export interface CohortDashboard {
	cohort: CohortSummary;
	tzOffsetMinutes: number;
	/** Today in the trainees' zone, YYYY-MM-DD. */
	today: string;
	daysToDeparture: number | null;
	readiness: TraineeReadiness[];
	assignments: AssignmentCompletion[];
	/** Mondays of the weeks the heatmaps and trend cover, oldest first. */
	weeks: string[];
	/** Correct-answer rate per mondai of the cohort's target exam, weakest first. */
	mondai: MondaiRow[];
	/** Recall rate (reviews not graded Again) per scene of the sector deck, weakest first. */
	scenes: HeatmapRow[];
	trend: TrendWeek[];
}

/**
 * Everything the cohort dashboard shows, as of `now`, with days and weeks (Monday to Sunday) in WIB, where the
 * trainees are: readiness counts days there, and the review_weeks rollup sums WIB weeks. Null when the cohort is
 * not one this person teaches or administers.
 */
export async function forCohort(claims: Claims, cohortId: string, now = new Date()): Promise<CohortDashboard | null> {
	const tzOffsetMinutes = DEFAULT_TZ_OFFSET;
	const cohort = await cohorts.get(claims, cohortId);
	// A trainee sees their own cohort's row too; the dashboard is for those who teach or administer it.
	if (!cohort || !(await seesCohort(claims, cohortId))) return null;
	const window = recentWeeks(now, tzOffsetMinutes, DASHBOARD_WEEKS);
	const [ready, work, figures] = await Promise.all([
		readiness.forCohort(claims, cohortId, now, tzOffsetMinutes),
		assignments.statusForCohort(claims, cohortId, now),
		withUser(claims, async (sql) => ({
			trend: await reviewWeeks(sql, cohortId, window.weeks[0]!),
			scenes: await sceneWeeks(sql, cohortId, window.weeks[0]!),
			mondai: await mondaiWeeks(sql, cohortId, window.from, window.to)
		}))
	]);
	const today = localToday(now, tzOffsetMinutes);
	const blueprint = blueprints[cohort.targetExam];
	const mondaiOrder = blueprint.sections.flatMap((section) => section.mondai.map((m) => ({ section: section.id, ...m })));
	const spec = new Map(mondaiOrder.map((m) => [m.id, m]));
	return {
		cohort,
		tzOffsetMinutes,
		today,
		daysToDeparture: cohort.departureDate ? daysUntil(isoDate(cohort.departureDate), new Date(`${today}T00:00:00Z`)) : null,
		readiness: ready,
		assignments: work.map((a) => ({
			id: a.id,
			kind: a.kind,
			lessonTitle: a.lessonTitle,
			trackTitle: a.trackTitle,
			scene: a.scene,
			targetReviews: a.targetReviews,
			workMode: a.workMode,
			title: a.title,
			dueAt: a.dueAt,
			counts: a.counts
		})),
		weeks: window.weeks,
		// Only mondai that had answers (before the first test, a blueprint's list would be rows of "no data"); ties
		// in the blueprint's order.
		mondai: heatmap(window.weeks, figures.mondai, mondaiOrder.map((m) => m.id))
			.filter((row) => row.total > 0)
			.map((row) => ({ ...row, section: spec.get(row.key)?.section ?? '', name: spec.get(row.key)?.name ?? row.key })),
		scenes: heatmap(window.weeks, figures.scenes),
		trend: weeklyTrend(window.weeks, figures.trend, ready.length)
	};
}

async function seesCohort(claims: Claims, cohortId: string): Promise<boolean> {
	const [row] = await withUser(claims, (sql) => sql.query<{ sees: boolean }>('select private.sees_cohort($1) as sees', [cohortId]));
	return row?.sees === true;
}

/** Today's date in the zone, YYYY-MM-DD. */
export function localToday(now: Date, tzOffsetMinutes: number): string {
	return new Date(now.getTime() + tzOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** A date column as pg or PGlite returns it (a Date at UTC midnight, or text) as YYYY-MM-DD. */
function isoDate(value: string | Date): string {
	return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

// Sums of the review_weeks rollup over the cohort's trainees, by security-definer functions that check once that
// the caller teaches or administers the cohort (migration 20261124001400). `monday` is the first week's, in WIB.
function reviewWeeks(sql: Sql, cohortId: string, monday: string): Promise<WeekCount[]> {
	return sql.query<WeekCount>(
		`select week_index as week, review_count as reviews, recalled_count as recalled, active_trainees as active
		 from public.dashboard_review_weeks($1, $2::date, $3)`,
		[cohortId, monday, DASHBOARD_WEEKS]
	);
}

function sceneWeeks(sql: Sql, cohortId: string, monday: string): Promise<CellCount[]> {
	return sql.query<CellCount>(
		`select week_index as week, scene_tag as key, review_count - lapse_count as right, review_count as total
		 from public.dashboard_scene_weeks($1, $2::date, $3)`,
		[cohortId, monday, DASHBOARD_WEEKS]
	);
}

/**
 * Right answers per mondai and week, from the scores of the cohort's submitted attempts at its target exam (a few
 * per trainee, by test_attempts(user_id, started_at)). Practice attempts (listening read as text) are left out.
 */
function mondaiWeeks(sql: Sql, cohortId: string, from: Date, to: Date): Promise<CellCount[]> {
	return sql.query<CellCount>(
		`select floor(extract(epoch from a.submitted_at - $2::timestamptz) / 604800)::int as week, mo ->> 'id' as key,
			sum((mo ->> 'correct')::int)::int as right, sum((mo ->> 'total')::int)::int as total
		 from public.cohorts c
		 join public.cohort_members m on m.cohort_id = c.id
		 join public.test_attempts a on a.user_id = m.user_id and a.test = c.target_exam and not a.practice
			and a.submitted_at >= $2::timestamptz and a.submitted_at < $3::timestamptz and a.score is not null
		 cross join lateral jsonb_array_elements(a.score -> 'raw') as section
		 cross join lateral jsonb_array_elements(section -> 'mondai') as mo
		 where c.id = $1
		 group by 1, 2`,
		[cohortId, from.toISOString(), to.toISOString()]
	);
}
