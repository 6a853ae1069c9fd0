import type { AssignmentStatus } from '$lib/assignments/status';
import { testAssignmentStatus } from '$lib/mock-tests/assignment-status';
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

export interface TraineeTestStatus {
	userId: string;
	name: string;
	status: AssignmentStatus;
}

export type CohortTestAssignment = TestAssignment & { trainees: TraineeTestStatus[]; counts: Record<AssignmentStatus, number> };

/** The cohort's test assignments (latest 50), each with every trainee's status in its window. */
export async function forCohort(claims: Claims, cohortId: string, now = new Date()): Promise<CohortTestAssignment[]> {
	return withUser(claims, async (sql) => {
		const assigned = await sql.query<TestAssignment>(
			`select t.id, t.cohort_id as "cohortId", c.name as "cohortName", t.test, t.opens_at as "opensAt", t.closes_at as "closesAt"
			 from test_assignments t join cohorts c on c.id = t.cohort_id
			 where t.cohort_id = $1 order by t.opens_at desc limit 50`,
			[cohortId]
		);
		if (assigned.length === 0) return [];
		// Attempts are reached through test_attempts(user_id, started_at), one trainee and one window at a time.
		const rows = await sql.query<{ assignmentId: string; userId: string; name: string; started: boolean; submitted: boolean }>(
			`select t.id as "assignmentId", m.user_id as "userId", p.display_name as name,
				coalesce(bool_or(a.id is not null), false) as started, coalesce(bool_or(a.submitted_at is not null), false) as submitted
			 from test_assignments t
			 join cohort_members m on m.cohort_id = t.cohort_id
			 join profiles p on p.id = m.user_id
			 left join test_attempts a on a.user_id = m.user_id and a.test = t.test
				and a.started_at between t.opens_at and t.closes_at
				and (a.submitted_at is null or a.submitted_at <= t.closes_at)
			 where t.cohort_id = $1 and t.id = any ($2::uuid[])
			 group by t.id, m.user_id, p.display_name
			 order by p.display_name, m.user_id`,
			[cohortId, assigned.map((a) => a.id)]
		);
		return assigned.map((assignment) => {
			const counts: Record<AssignmentStatus, number> = { not_started: 0, in_progress: 0, late: 0, done: 0 };
			const trainees = rows
				.filter((row) => row.assignmentId === assignment.id)
				.map((row) => {
					const status = testAssignmentStatus(row, new Date(assignment.closesAt), now);
					counts[status] += 1;
					return { userId: row.userId, name: row.name, status };
				});
			return { ...assignment, trainees, counts };
		});
	});
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
