import type { TestType } from '$lib/mock-tests/blueprints';
import { withUser } from '../db';
import type { Claims } from '../db/types';

export interface TestAssignment {
	id: string;
	cohortId: string;
	cohortName: string;
	test: TestType;
	opensAt: Date;
	closesAt: Date;
	/** For a trainee: whether they have finished an attempt of this test inside the window. */
	done?: boolean;
}

/** What a trainee's cohorts have assigned that has not closed yet (or closed in the last week). */
export async function forTrainee(claims: Claims): Promise<TestAssignment[]> {
	return withUser(claims, (sql) =>
		sql.query<TestAssignment>(
			`select t.id, t.cohort_id as "cohortId", c.name as "cohortName", t.test, t.opens_at as "opensAt", t.closes_at as "closesAt",
				exists (select 1 from test_attempts a where a.user_id = $1 and a.test = t.test and a.submitted_at between t.opens_at and t.closes_at) as done
			 from cohort_members m
			 join test_assignments t on t.cohort_id = m.cohort_id
			 join cohorts c on c.id = t.cohort_id
			 where m.user_id = $1 and t.closes_at > now() - interval '7 days'
			 order by t.closes_at`,
			[claims.sub]
		)
	);
}

export async function forCohort(claims: Claims, cohortId: string): Promise<TestAssignment[]> {
	return withUser(claims, (sql) =>
		sql.query<TestAssignment>(
			`select t.id, t.cohort_id as "cohortId", c.name as "cohortName", t.test, t.opens_at as "opensAt", t.closes_at as "closesAt"
			 from test_assignments t join cohorts c on c.id = t.cohort_id
			 where t.cohort_id = $1 order by t.opens_at desc limit 50`,
			[cohortId]
		)
	);
}

export async function assign(claims: Claims, cohortId: string, test: TestType, opensAt: Date, closesAt: Date): Promise<void> {
	await withUser(claims, (sql) =>
		sql.query('insert into test_assignments (cohort_id, test, opens_at, closes_at, created_by) values ($1, $2, $3, $4, $5)', [
			cohortId,
			test,
			opensAt.toISOString(),
			closesAt.toISOString(),
			claims.sub
		])
	);
}

export async function withdraw(claims: Claims, assignmentId: string): Promise<boolean> {
	const rows = await withUser(claims, (sql) => sql.query('delete from test_assignments where id = $1 returning id', [assignmentId]));
	return rows.length > 0;
}
