import { randomInt } from 'node:crypto';
import { withUser } from '../db';
import type { Claims } from '../db/types';
import type { CohortInput, NewCohortInput } from '$lib/cohorts/cohort-form';

// Creating, editing and staffing cohorts. Every statement runs as the signed-in person: row-level security
// (and public.create_cohort, supabase/migrations/20261124000600_cohort_management.sql) decides who may.

/** No 0/O or 1/I: a code read aloud or copied from a phone screen survives. */
const INVITE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const INVITE_LENGTH = 8;
const INVITE_ATTEMPTS = 5;

export function newInviteCode(): string {
	let code = '';
	for (let i = 0; i < INVITE_LENGTH; i++) code += INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)];
	return code;
}

const isInviteClash = (error: unknown) =>
	(error as { code?: string; constraint?: string } | null)?.code === '23505' &&
	/invite_code/.test(String((error as { constraint?: string; message?: string }).constraint ?? (error as Error).message));
const isDenied = (error: unknown) => (error as { code?: string } | null)?.code === '42501';

/** Runs fn with fresh codes until one is unused (each try in its own transaction: a clash aborts it). */
async function withFreshInviteCode<T>(fn: (code: string) => Promise<T>): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await fn(newInviteCode());
		} catch (error) {
			if (!isInviteClash(error) || attempt >= INVITE_ATTEMPTS) throw error;
		}
	}
}

export interface Center {
	id: string;
	name: string;
}

/** The centers where this person may open a cohort: where they are an instructor or the admin. */
export async function centersForNewCohort(claims: Claims): Promise<Center[]> {
	return withUser(claims, (sql) =>
		sql.query<Center>(
			`select tc.id, tc.name from public.training_centers tc
			 where exists (select 1 from public.center_memberships m
			               where m.center_id = tc.id and m.user_id = $1 and m.role in ('instructor', 'center_admin'))
			 order by tc.name`,
			[claims.sub]
		)
	);
}

/** Opens a cohort; its creator teaches it if they are an instructor. Null when this person is not staff there. */
export async function create(claims: Claims, input: NewCohortInput): Promise<string | null> {
	try {
		return await withFreshInviteCode(async (code) => {
			const [row] = await withUser(claims, (sql) =>
				sql.query<{ id: string }>('select public.create_cohort($1, $2, $3, $4, $5, $6, $7, $8, $9) as id', [
					input.centerId,
					input.name,
					input.sector,
					input.targetExam,
					input.departureDate,
					input.destinationPrefecture,
					input.desiredRetention,
					input.newCardsPerDay,
					code
				])
			);
			return row!.id;
		});
	} catch (error) {
		if (isDenied(error)) return null;
		throw error;
	}
}

export interface CohortSettings extends CohortInput {
	id: string;
	inviteCode: string;
	/** A center admin of this cohort's center: may change who teaches it. */
	administers: boolean;
}

/** The cohort's editable settings, or null when this person cannot see it. */
export async function settings(claims: Claims, cohortId: string): Promise<CohortSettings | null> {
	const [row] = await withUser(claims, (sql) =>
		sql.query<CohortSettings>(
			`select id, name, sector::text, target_exam::text as "targetExam", coalesce(departure_date::text, '') as "departureDate",
			        destination_prefecture as "destinationPrefecture", desired_retention::float8 as "desiredRetention",
			        new_cards_per_day as "newCardsPerDay", invite_code as "inviteCode",
			        private.administers_cohort(id) as administers
			 from public.cohorts where id = $1`,
			[cohortId]
		)
	);
	return row ?? null;
}

/** Saves the cohort's settings; false when this person may not change it (or cannot see it). */
export async function update(claims: Claims, cohortId: string, input: CohortInput): Promise<boolean> {
	const rows = await withUser(claims, (sql) =>
		sql.query(
			`update public.cohorts set name = $2, sector = $3, target_exam = $4, departure_date = $5,
			        destination_prefecture = $6, desired_retention = $7, new_cards_per_day = $8
			 where id = $1 returning id`,
			[
				cohortId,
				input.name,
				input.sector,
				input.targetExam,
				input.departureDate,
				input.destinationPrefecture,
				input.desiredRetention,
				input.newCardsPerDay
			]
		)
	);
	return rows.length === 1;
}

/** Replaces the invite code (the old one stops working at once). The new code, or null when not allowed. */
export async function regenerateInviteCode(claims: Claims, cohortId: string): Promise<string | null> {
	return withFreshInviteCode(async (code) => {
		const [row] = await withUser(claims, (sql) =>
			sql.query<{ inviteCode: string }>(
				'update public.cohorts set invite_code = $2 where id = $1 returning invite_code as "inviteCode"',
				[cohortId, code]
			)
		);
		return row?.inviteCode ?? null;
	});
}

export interface Instructor {
	id: string;
	displayName: string;
	teaches: boolean;
}

/**
 * The instructors of the cohort's center, marked by whether they teach this cohort. Only a center admin sees
 * them all; others get an empty list.
 */
export async function instructors(claims: Claims, cohortId: string): Promise<Instructor[]> {
	return withUser(claims, (sql) =>
		sql.query<Instructor>(
			`select p.id, p.display_name as "displayName",
			        exists (select 1 from public.cohort_instructors ci where ci.cohort_id = c.id and ci.user_id = p.id) as teaches
			 from public.cohorts c
			 join public.center_memberships m on m.center_id = c.center_id and m.role = 'instructor'
			 join public.profiles p on p.id = m.user_id
			 where c.id = $1 and private.administers_cohort(c.id)
			 order by p.display_name, p.id`,
			[cohortId]
		)
	);
}

/** A center admin puts one of the center's instructors on the cohort; false when not allowed. */
export async function addInstructor(claims: Claims, cohortId: string, userId: string): Promise<boolean> {
	try {
		await withUser(claims, (sql) =>
			sql.query('insert into public.cohort_instructors (cohort_id, user_id) values ($1, $2) on conflict do nothing', [cohortId, userId])
		);
		return true;
	} catch (error) {
		if (isDenied(error) || (error as { code?: string }).code === '23503') return false;
		throw error;
	}
}

/** A center admin takes an instructor off the cohort; false when nothing was removed. */
export async function removeInstructor(claims: Claims, cohortId: string, userId: string): Promise<boolean> {
	const rows = await withUser(claims, (sql) =>
		sql.query('delete from public.cohort_instructors where cohort_id = $1 and user_id = $2 returning user_id', [cohortId, userId])
	);
	return rows.length === 1;
}
