import type { Sql } from '../db/types';

export interface OpenCohort {
	id: string;
	centerId: string;
}

/** The cohort whose invite code this is, if the code is known and not expired. */
export async function findOpenCohort(sql: Sql, inviteCode: string): Promise<OpenCohort | null> {
	const [row] = await sql.query<OpenCohort>(
		`select id, center_id as "centerId" from public.cohorts
		 where invite_code = $1 and (invite_expires_at is null or invite_expires_at > now())`,
		[inviteCode]
	);
	return row ?? null;
}

/** Makes the user a trainee of the cohort and its center, through the same SQL function supabase-js calls. */
export async function joinAs(sql: Sql, userId: string, inviteCode: string): Promise<void> {
	await sql.query(`select set_config('request.jwt.claims', $1, true)`, [
		JSON.stringify({ sub: userId, role: 'authenticated' })
	]);
	await sql.query('select public.join_cohort($1)', [inviteCode]);
}
