import type { Sql } from '../db/types';

// Sign-up with a center admin's invitation code instead of a cohort's (public.accept_instructor_invitation,
// supabase/migrations/20261124001300_roster.sql). Both providers end in that one SQL function.

export interface PendingInvitation {
	email: string;
}

/** The pending invitation with this code, if any (service transaction: nobody signed in yet). */
export async function findPending(sql: Sql, code: string): Promise<PendingInvitation | null> {
	const [row] = await sql.query<PendingInvitation>(
		'select email from public.instructor_invitations where code = $1 and accepted_at is null',
		[code]
	);
	return row ?? null;
}

/** Makes the new user an instructor of the inviting center, as the user (the function checks the e-mail). */
export async function acceptAs(sql: Sql, userId: string, code: string): Promise<void> {
	await sql.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ sub: userId, role: 'authenticated' })]);
	await sql.query('select public.accept_instructor_invitation($1)', [code]);
}
