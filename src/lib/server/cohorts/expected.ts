import { withUser } from '../db';
import type { Claims, Sql } from '../db/types';
import { contactKeys, markKnown, type ImportRow } from '$lib/cohorts/csv-import';

/** A person the cohort expects, from an import; joinedAt once they signed up with the invite code. */
export interface ExpectedTrainee {
	id: string;
	name: string;
	phone: string | null;
	email: string | null;
	joinedAt: Date | null;
}

/** Who the cohort already expects or has enrolled, as contactKeys. Enrolled e-mails are not visible to staff. */
async function known(sql: Sql, cohortId: string): Promise<{ expected: Set<string>; enrolled: Set<string> }> {
	const expectedRows = await sql.query<{ phone: string | null; email: string | null }>(
		'select phone, email from public.expected_trainees where cohort_id = $1',
		[cohortId]
	);
	const enrolledRows = await sql.query<{ phone: string }>(
		`select p.phone from public.cohort_members m join public.profiles p on p.id = m.user_id
		 where m.cohort_id = $1 and p.phone is not null`,
		[cohortId]
	);
	return {
		expected: new Set(expectedRows.flatMap(contactKeys)),
		enrolled: new Set(enrolledRows.map((row) => `phone:${row.phone}`))
	};
}

/** The file's rows with what the database knows added: people already expected or enrolled. */
export async function preview(claims: Claims, cohortId: string, rows: ImportRow[]): Promise<ImportRow[]> {
	return withUser(claims, async (sql) => markKnown(rows, await known(sql, cohortId)));
}

/**
 * Adds the good rows as expected trainees, in one transaction; rows checked again here, so a replayed or
 * edited form adds nothing wrong. Returns the rows as checked and how many were added.
 */
export async function importRows(claims: Claims, cohortId: string, rows: ImportRow[]): Promise<{ rows: ImportRow[]; added: number }> {
	return withUser(claims, async (sql) => {
		const checked = markKnown(rows, await known(sql, cohortId));
		const good = checked.filter((row) => row.problems.length === 0);
		if (good.length === 0) return { rows: checked, added: 0 };
		const added = await sql.query(
			`insert into public.expected_trainees (cohort_id, display_name, phone, email, created_by)
			 select $1, t.name, t.phone, t.email, $2
			 from unnest($3::text[], $4::text[], $5::text[]) as t(name, phone, email)
			 on conflict do nothing
			 returning id`,
			[cohortId, claims.sub, good.map((row) => row.name), good.map((row) => row.phone), good.map((row) => row.email)]
		);
		return { rows: checked, added: added.length };
	});
}

/** The cohort's expected trainees, those still to join first. */
export async function list(claims: Claims, cohortId: string): Promise<ExpectedTrainee[]> {
	return withUser(claims, (sql) =>
		sql.query<ExpectedTrainee>(
			`select id, display_name as name, phone, email, joined_at as "joinedAt"
			 from public.expected_trainees where cohort_id = $1
			 order by joined_at nulls first, display_name, id
			 limit 1000`,
			[cohortId]
		)
	);
}
