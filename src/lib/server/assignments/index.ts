import { assignmentStatus, type AssignmentStatus, type StatusResult } from '$lib/assignments/status';
import type { TextJa } from '$lib/curriculum/types';
import { withUser } from '../db';
import type { Claims, Sql } from '../db/types';

export type AssignmentKind = 'lesson' | 'study_target';

export interface Assignment {
	id: string;
	cohortId: string;
	kind: AssignmentKind;
	lessonId: string | null;
	lessonTitle: TextJa | null;
	trackId: string | null;
	trackTitle: TextJa | null;
	scene: string | null;
	targetReviews: number | null;
	dueAt: Date;
	createdAt: Date;
}

export type TraineeAssignment = Assignment & StatusResult;

export interface TraineeStatus extends StatusResult {
	userId: string;
	name: string;
}

export type CohortAssignment = Assignment & { trainees: TraineeStatus[]; counts: Record<AssignmentStatus, number> };

export type NewAssignment =
	| { kind: 'lesson'; lessonId: string; dueAt: Date }
	| { kind: 'study_target'; trackId: string | null; scene: string | null; targetReviews: number; dueAt: Date };

export interface LessonChoice {
	trackId: string;
	trackTitle: TextJa;
	unitId: string;
	unitTitle: TextJa;
	lessonId: string;
	lessonTitle: TextJa;
}

const columns = `a.id, a.cohort_id as "cohortId", a.kind, a.lesson_id as "lessonId", l.title as "lessonTitle",
	a.track_id as "trackId", t.title as "trackTitle", a.scene, a.target_reviews as "targetReviews",
	a.due_at as "dueAt", a.created_at as "createdAt"`;
const joins = `left join content_lessons l on l.id = a.lesson_id left join content_tracks t on t.id = a.track_id`;

// How far person $p is: lesson completed (0/1), or reviews since the assignment of cards in its track and scene.
const progressOf = (person: string) => `case when a.kind = 'lesson' then
		(select count(*)::int from lesson_completions lc where lc.user_id = ${person} and lc.lesson_id = a.lesson_id)
	else
		(select count(*)::int from review_logs r
		 join content_cards cc on cc.id = r.card_id
		 join content_lessons cl on cl.id = cc.lesson_id
		 join content_units cu on cu.id = cl.unit_id
		 where r.user_id = ${person} and r.reviewed_at >= a.created_at
		   and (a.track_id is null or cu.track_id = a.track_id)
		   and (a.scene is null or a.scene = any (cc.scenes)))
	end`;

const targetOf = (row: { kind: AssignmentKind; targetReviews: number | null }) => (row.kind === 'lesson' ? 1 : (row.targetReviews ?? 1));

/** What the trainee's cohorts assigned, with the trainee's own status (due in the last 30 days or later). */
export async function listForTrainee(claims: Claims, now = new Date()): Promise<TraineeAssignment[]> {
	const rows = await withUser(claims, (sql) =>
		sql.query<Assignment & { progress: number }>(
			`select ${columns}, ${progressOf('$1')} as progress
			 from cohort_members m
			 join assignments a on a.cohort_id = m.cohort_id
			 ${joins}
			 where m.user_id = $1 and a.due_at > now() - interval '30 days'
			 order by a.due_at`,
			[claims.sub]
		)
	);
	return rows.map(({ progress, ...row }) => ({ ...row, ...assignmentStatus({ progress, target: targetOf(row) }, new Date(row.dueAt), now) }));
}

/** Each trainee × each assignment of one cohort, in one query filtered by the cohort. */
export async function statusForCohort(claims: Claims, cohortId: string, now = new Date()): Promise<CohortAssignment[]> {
	return withUser(claims, async (sql) => {
		const assignments = await list(sql, cohortId);
		const rows = await sql.query<{ assignmentId: string; userId: string; name: string; progress: number }>(
			`select a.id as "assignmentId", m.user_id as "userId", p.display_name as name, ${progressOf('m.user_id')} as progress
			 from assignments a
			 join cohort_members m on m.cohort_id = a.cohort_id
			 join profiles p on p.id = m.user_id
			 where a.cohort_id = $1 and a.id = any ($2::uuid[])
			 order by p.display_name, m.user_id`,
			[cohortId, assignments.map((a) => a.id)]
		);
		return assignments.map((assignment) => {
			const counts: Record<AssignmentStatus, number> = { not_started: 0, in_progress: 0, late: 0, done: 0 };
			const trainees = rows
				.filter((row) => row.assignmentId === assignment.id)
				.map((row) => {
					const result = assignmentStatus({ progress: row.progress, target: targetOf(assignment) }, new Date(assignment.dueAt), now);
					counts[result.status] += 1;
					return { userId: row.userId, name: row.name, ...result };
				});
			return { ...assignment, trainees, counts };
		});
	});
}

function list(sql: Sql, cohortId: string): Promise<Assignment[]> {
	return sql.query<Assignment>(`select ${columns} from assignments a ${joins} where a.cohort_id = $1 order by a.due_at desc limit 50`, [cohortId]);
}

/** Lessons an instructor may assign to the cohort: its sector's track and the tracks every sector shares. */
export async function lessonChoices(claims: Claims, cohortId: string): Promise<LessonChoice[]> {
	return withUser(claims, (sql) =>
		sql.query<LessonChoice>(
			`select t.id as "trackId", t.title as "trackTitle", u.id as "unitId", u.title as "unitTitle", l.id as "lessonId", l.title as "lessonTitle"
			 from cohorts c
			 join content_tracks t on (t.sector is null or t.sector = c.sector) and t.retired_at is null
			 join content_units u on u.track_id = t.id and u.retired_at is null
			 join content_lessons l on l.unit_id = u.id and l.retired_at is null
			 where c.id = $1
			 order by t.sector is null, t.position, u.position, l.position`,
			[cohortId]
		)
	);
}

/** The scenes named on cards of the given tracks, for the study-target form. */
export async function scenes(claims: Claims, trackIds: string[]): Promise<string[]> {
	if (trackIds.length === 0) return [];
	const rows = await withUser(claims, (sql) =>
		sql.query<{ scene: string }>(
			`select distinct s.scene from content_units u
			 join content_lessons l on l.unit_id = u.id
			 join content_cards cc on cc.lesson_id = l.id, unnest(cc.scenes) as s(scene)
			 where u.track_id = any ($1::text[]) order by s.scene`,
			[trackIds]
		)
	);
	return rows.map((row) => row.scene);
}

export async function create(claims: Claims, cohortId: string, input: NewAssignment): Promise<string> {
	const [row] = await withUser(claims, (sql) =>
		sql.query<{ id: string }>(
			`insert into assignments (cohort_id, kind, lesson_id, track_id, scene, target_reviews, due_at, created_by)
			 values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
			[
				cohortId,
				input.kind,
				input.kind === 'lesson' ? input.lessonId : null,
				input.kind === 'study_target' ? input.trackId : null,
				input.kind === 'study_target' ? input.scene : null,
				input.kind === 'study_target' ? input.targetReviews : null,
				input.dueAt.toISOString(),
				claims.sub
			]
		)
	);
	return row!.id;
}

export async function withdraw(claims: Claims, assignmentId: string): Promise<boolean> {
	const rows = await withUser(claims, (sql) => sql.query('delete from assignments where id = $1 returning id', [assignmentId]));
	return rows.length > 0;
}

/** What the cohort page shows: each assignment with its trainees' status, and what may be assigned. */
export async function panel(claims: Claims, cohortId: string) {
	const [assigned, lessons] = await Promise.all([statusForCohort(claims, cohortId), lessonChoices(claims, cohortId)]);
	const tracks = [...new Map(lessons.map((l) => [l.trackId, { id: l.trackId, title: l.trackTitle }])).values()];
	return { assigned, lessons, tracks, scenes: await scenes(claims, tracks.map((t) => t.id)) };
}
