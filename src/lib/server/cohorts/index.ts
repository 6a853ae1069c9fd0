import { withUser } from '../db';
import type { Claims } from '../db/types';
import type { RosterTrainee } from './roster';

export interface CohortSummary {
	id: string;
	name: string;
	sector: 'caregiving' | 'manufacturing' | 'hospitality';
	targetExam: 'jlpt_n5' | 'jlpt_n4' | 'jft_basic' | 'caregiving_japanese';
	departureDate: string | null;
	destinationPrefecture: string;
	inviteCode: string;
	centerName: string;
	traineeCount: number;
}

/** A trainee on the cohort's roster, with where they stand (see roster.ts). */
export type CohortTrainee = RosterTrainee;

const PAGE_SIZE = 50;

const COHORT_COLUMNS = `c.id, c.name, c.sector, c.target_exam as "targetExam", c.departure_date as "departureDate",
	c.destination_prefecture as "destinationPrefecture", c.invite_code as "inviteCode", tc.name as "centerName",
	(select count(*) from public.cohort_members m where m.cohort_id = c.id)::int as "traineeCount"`;

/**
 * The cohorts this person teaches or administers. Row-level security would hide the rest anyway; the
 * explicit paths keep the query on indexes instead of checking every cohort in the country.
 */
export async function listTaughtOrAdministered(claims: Claims): Promise<CohortSummary[]> {
	return withUser(claims, (sql) =>
		sql.query<CohortSummary>(
			`select ${COHORT_COLUMNS}
			 from public.cohorts c join public.training_centers tc on tc.id = c.center_id
			 where c.id in (select cohort_id from public.cohort_instructors where user_id = $1)
			 union
			 select ${COHORT_COLUMNS}
			 from public.cohorts c join public.training_centers tc on tc.id = c.center_id
			 where c.center_id in (select center_id from public.center_memberships where user_id = $1 and role = 'center_admin')
			 order by "departureDate" nulls last, name`,
			[claims.sub]
		)
	);
}

/** The cohorts a trainee is enrolled in. */
export async function listJoined(claims: Claims): Promise<CohortSummary[]> {
	return withUser(claims, (sql) =>
		sql.query<CohortSummary>(
			`select ${COHORT_COLUMNS}
			 from public.cohort_members me
			 join public.cohorts c on c.id = me.cohort_id
			 join public.training_centers tc on tc.id = c.center_id
			 where me.user_id = $1
			 order by c.departure_date nulls last, c.name`,
			[claims.sub]
		)
	);
}

export async function get(claims: Claims, cohortId: string): Promise<CohortSummary | null> {
	const [cohort] = await withUser(claims, (sql) =>
		sql.query<CohortSummary>(
			`select ${COHORT_COLUMNS}
			 from public.cohorts c join public.training_centers tc on tc.id = c.center_id
			 where c.id = $1`,
			[cohortId]
		)
	);
	return cohort ?? null;
}

/** A page of the cohort's trainees, newest first. */
export async function listTrainees(
	claims: Claims,
	cohortId: string,
	page: number
): Promise<{ trainees: CohortTrainee[]; hasMore: boolean }> {
	const rows = await withUser(claims, (sql) =>
		sql.query<CohortTrainee>(
			`select p.id, p.display_name as "displayName", p.phone, m.joined_at as "joinedAt", m.status,
			        m.departed_on::text as "departedOn"
			 from public.cohort_members m join public.profiles p on p.id = m.user_id
			 where m.cohort_id = $1
			 order by m.joined_at desc, p.id
			 limit $2 offset $3`,
			[cohortId, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE]
		)
	);
	return { trainees: rows.slice(0, PAGE_SIZE), hasMore: rows.length > PAGE_SIZE };
}
