import { randomInt } from 'node:crypto';
import { withUser } from '../db';
import type { Claims } from '../db/types';

// A center admin's view of their center: its instructors, pending invitations and cohorts. Runs as the admin;
// row-level security and public.add_center_instructor (migration 20261124001300_roster.sql) decide who may.

export interface AdministeredCenter {
	id: string;
	name: string;
}

export interface CenterInstructor {
	id: string;
	displayName: string;
	/** Names of the center's cohorts they teach. */
	cohorts: string[];
}

export interface PendingInvitation {
	id: string;
	email: string;
	code: string;
	createdAt: Date;
}

export interface CenterCohort {
	id: string;
	name: string;
	sector: 'caregiving' | 'manufacturing' | 'hospitality';
	departureDate: string | null;
	traineeCount: number;
	instructorCount: number;
}

export type AddInstructorResult = 'added' | 'already_instructor' | 'invited' | 'already_invited';

/** 12 characters, no 0/O or 1/I (read aloud or copied from a message); 60 bits, longer than a cohort's code. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function newInvitationCode(): string {
	let code = '';
	for (let i = 0; i < 12; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
	return code;
}

const isDenied = (error: unknown) => (error as { code?: string } | null)?.code === '42501';

/** The centers this person is an admin of, by name. */
export async function administered(claims: Claims): Promise<AdministeredCenter[]> {
	return withUser(claims, (sql) =>
		sql.query<AdministeredCenter>(
			`select tc.id, tc.name from public.center_memberships m join public.training_centers tc on tc.id = m.center_id
			 where m.user_id = $1 and m.role = 'center_admin'
			 order by tc.name, tc.id`,
			[claims.sub]
		)
	);
}

export async function instructors(claims: Claims, centerId: string): Promise<CenterInstructor[]> {
	return withUser(claims, (sql) =>
		sql.query<CenterInstructor>(
			`select p.id, p.display_name as "displayName",
			        coalesce(array(select c.name from public.cohort_instructors ci join public.cohorts c on c.id = ci.cohort_id
			                       where ci.user_id = p.id and c.center_id = m.center_id order by c.name), '{}') as cohorts
			 from public.center_memberships m join public.profiles p on p.id = m.user_id
			 where m.center_id = $1 and m.role = 'instructor' and private.is_center_member(m.center_id, '{center_admin}')
			 order by p.display_name, p.id
			 limit 500`,
			[centerId]
		)
	);
}

export async function invitations(claims: Claims, centerId: string): Promise<PendingInvitation[]> {
	return withUser(claims, (sql) =>
		sql.query<PendingInvitation>(
			`select id, email, code, created_at as "createdAt" from public.instructor_invitations
			 where center_id = $1 and accepted_at is null
			 order by created_at desc
			 limit 500`,
			[centerId]
		)
	);
}

export async function cohorts(claims: Claims, centerId: string): Promise<CenterCohort[]> {
	return withUser(claims, (sql) =>
		sql.query<CenterCohort>(
			`select c.id, c.name, c.sector, c.departure_date::text as "departureDate",
			        (select count(*) from public.cohort_members m where m.cohort_id = c.id)::int as "traineeCount",
			        (select count(*) from public.cohort_instructors ci where ci.cohort_id = c.id)::int as "instructorCount"
			 from public.cohorts c
			 where c.center_id = $1 and private.is_center_member(c.center_id, '{center_admin}')
			 order by c.departure_date nulls last, c.name
			 limit 500`,
			[centerId]
		)
	);
}

/**
 * Makes the account with this e-mail an instructor of the center, or keeps an invitation for when it signs up.
 * Null when this person is not the center's admin.
 */
export async function addInstructor(claims: Claims, centerId: string, email: string): Promise<AddInstructorResult | null> {
	try {
		const [row] = await withUser(claims, (sql) =>
			sql.query<{ result: AddInstructorResult }>('select public.add_center_instructor($1, $2, $3) as result', [
				centerId,
				email,
				newInvitationCode()
			])
		);
		return row!.result;
	} catch (error) {
		if (isDenied(error)) return null;
		throw error;
	}
}

/**
 * Ends an instructor's place at the center and takes them off its cohorts (they would otherwise still see those
 * trainees). Assignments, tests and reviews they made stay with the cohorts. False when nothing was removed.
 */
export async function removeInstructor(claims: Claims, centerId: string, userId: string): Promise<boolean> {
	return withUser(claims, async (sql) => {
		const rows = await sql.query(
			`delete from public.center_memberships where center_id = $1 and user_id = $2 and role = 'instructor' returning 1`,
			[centerId, userId]
		);
		if (rows.length === 0) return false;
		await sql.query(
			`delete from public.cohort_instructors ci using public.cohorts c
			 where ci.user_id = $2 and c.id = ci.cohort_id and c.center_id = $1`,
			[centerId, userId]
		);
		return true;
	});
}

/** Withdraws a pending invitation; false when there is none this person may withdraw. */
export async function withdrawInvitation(claims: Claims, centerId: string, invitationId: string): Promise<boolean> {
	const rows = await withUser(claims, (sql) =>
		sql.query('delete from public.instructor_invitations where id = $1 and center_id = $2 and accepted_at is null returning 1', [
			invitationId,
			centerId
		])
	);
	return rows.length === 1;
}
