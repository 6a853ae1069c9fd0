import { withUser } from '../db';
import type { Claims } from '../db/types';
import type { StatusChange, TraineeStatus } from '$lib/cohorts/roster';

// One cohort's roster: status, moves, removal and adding back. Every statement runs as the signed-in person;
// the policies and trigger in supabase/migrations/20261124001300_roster.sql decide who may, and where to.

export interface RosterTrainee {
	id: string;
	displayName: string;
	phone: string | null;
	joinedAt: Date;
	status: TraineeStatus;
	/** 'YYYY-MM-DD' when departed. */
	departedOn: string | null;
}

export interface MoveTarget {
	id: string;
	name: string;
}

export interface RemovedTrainee {
	id: string;
	displayName: string;
	removedAt: Date;
}

const code = (error: unknown) => (error as { code?: string } | null)?.code;
const refused = (error: unknown) => code(error) === '42501' || code(error) === '23514' || code(error) === '23503';

/** One trainee of the cohort, or null when they are not in it or this person may not see it. */
export async function trainee(claims: Claims, cohortId: string, userId: string): Promise<RosterTrainee | null> {
	const [row] = await withUser(claims, (sql) =>
		sql.query<RosterTrainee>(
			`select p.id, p.display_name as "displayName", p.phone, m.joined_at as "joinedAt", m.status,
			        m.departed_on::text as "departedOn"
			 from public.cohort_members m join public.profiles p on p.id = m.user_id
			 where m.cohort_id = $1 and m.user_id = $2`,
			[cohortId, userId]
		)
	);
	return row ?? null;
}

/** Records where the trainee stands; false when not allowed or the database refuses the date. */
export async function setStatus(claims: Claims, cohortId: string, userId: string, change: StatusChange): Promise<boolean> {
	try {
		const rows = await withUser(claims, (sql) =>
			sql.query('update public.cohort_members set status = $3, departed_on = $4 where cohort_id = $1 and user_id = $2 returning 1', [
				cohortId,
				userId,
				change.status,
				change.departedOn
			])
		);
		return rows.length === 1;
	} catch (error) {
		if (refused(error)) return false;
		throw error;
	}
}

/** The other cohorts of this cohort's center that this person teaches or administers: where a trainee may go. */
export async function moveTargets(claims: Claims, cohortId: string): Promise<MoveTarget[]> {
	return withUser(claims, (sql) =>
		sql.query<MoveTarget>(
			`select c.id, c.name from public.cohorts here
			 join public.cohorts c on c.center_id = here.center_id and c.id <> here.id
			 where here.id = $1 and (private.teaches_cohort(c.id) or private.administers_cohort(c.id))
			 order by c.departure_date nulls last, c.name
			 limit 200`,
			[cohortId]
		)
	);
}

export type MoveResult = 'moved' | 'already_there' | 'refused';

/**
 * Moves the enrolment (status and joining date go along). History is the person's, so the new cohort's staff
 * see it at once and the old cohort's no longer do.
 */
export async function move(claims: Claims, cohortId: string, userId: string, targetId: string): Promise<MoveResult> {
	try {
		const rows = await withUser(claims, (sql) =>
			sql.query('update public.cohort_members set cohort_id = $3 where cohort_id = $1 and user_id = $2 returning 1', [
				cohortId,
				userId,
				targetId
			])
		);
		return rows.length === 1 ? 'moved' : 'refused';
	} catch (error) {
		if (code(error) === '23505') return 'already_there';
		if (refused(error)) return 'refused';
		throw error;
	}
}

/** Takes the trainee off the cohort and remembers it, so staff can add them back. False when not allowed. */
export async function remove(claims: Claims, cohortId: string, userId: string): Promise<boolean> {
	return withUser(claims, async (sql) => {
		const [removed] = await sql.query<{ displayName: string }>(
			`delete from public.cohort_members m using public.profiles p
			 where m.cohort_id = $1 and m.user_id = $2 and p.id = m.user_id
			 returning p.display_name as "displayName"`,
			[cohortId, userId]
		);
		if (!removed) return false;
		await sql.query(
			`insert into public.cohort_removals (cohort_id, user_id, display_name, removed_by) values ($1, $2, $3, $4)
			 on conflict (cohort_id, user_id) do update set display_name = excluded.display_name,
			   removed_by = excluded.removed_by, removed_at = now()`,
			[cohortId, userId, removed.displayName, claims.sub]
		);
		return true;
	});
}

/** People removed from this cohort and not back in it, most recent first. */
export async function removed(claims: Claims, cohortId: string): Promise<RemovedTrainee[]> {
	return withUser(claims, (sql) =>
		sql.query<RemovedTrainee>(
			`select r.user_id as id, r.display_name as "displayName", r.removed_at as "removedAt"
			 from public.cohort_removals r
			 where r.cohort_id = $1
			   and not exists (select 1 from public.cohort_members m where m.cohort_id = r.cohort_id and m.user_id = r.user_id)
			 order by r.removed_at desc
			 limit 200`,
			[cohortId]
		)
	);
}

/** Enrols a removed trainee again; false when not allowed (e.g. no longer a trainee of the center). */
export async function addBack(claims: Claims, cohortId: string, userId: string): Promise<boolean> {
	try {
		return await withUser(claims, async (sql) => {
			const gone = await sql.query('delete from public.cohort_removals where cohort_id = $1 and user_id = $2 returning 1', [cohortId, userId]);
			if (gone.length === 0) return false;
			await sql.query('insert into public.cohort_members (cohort_id, user_id) values ($1, $2) on conflict do nothing', [cohortId, userId]);
			return true;
		});
	} catch (error) {
		if (refused(error)) return false;
		throw error;
	}
}
