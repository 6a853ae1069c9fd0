import { assignmentStatus, workTaskStatus, type AssignmentStatus, type StatusResult } from '$lib/assignments/status';
import type { TextJa } from '$lib/curriculum/types';
import { defaultRubric, type Rubric, type WorkMode } from '$lib/work-tasks/rubric';
import { withUser } from '../db';
import type { Claims, Sql } from '../db/types';
import { recordings } from '../storage';

export type AssignmentKind = 'lesson' | 'study_target' | 'work_task';

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
	/** A work task's mode, title, instructions and rubric (null for other kinds). */
	workMode: WorkMode | null;
	title: string | null;
	instructions: string | null;
	rubric: Rubric | null;
	dueAt: Date;
	createdAt: Date;
}

export type TraineeAssignment = Assignment & StatusResult;

export interface TraineeStatus extends StatusResult {
	userId: string;
	name: string;
	/** A work task's latest version, for the review link (null otherwise or before the first hand-in). */
	latestSubmissionId: string | null;
}

export type CohortAssignment = Assignment & { trainees: TraineeStatus[]; counts: Record<AssignmentStatus, number> };

export type NewAssignment =
	| { kind: 'lesson'; lessonId: string; dueAt: Date }
	| { kind: 'study_target'; trackId: string | null; scene: string | null; targetReviews: number; dueAt: Date }
	| { kind: 'work_task'; mode: WorkMode; title: string; instructions: string; dueAt: Date };

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
	a.work_mode as "workMode", a.title, a.instructions, a.rubric, a.due_at as "dueAt", a.created_at as "createdAt"`;
const joins = `left join content_lessons l on l.id = a.lesson_id left join content_tracks t on t.id = a.track_id`;

// How far person $p is: lesson completed (0/1), or reviews since the assignment of cards in its track and scene.
const progressOf = (person: string) => `case when a.kind = 'lesson' then
		(select count(*)::int from lesson_completions lc where lc.user_id = ${person} and lc.lesson_id = a.lesson_id)
	when a.kind = 'study_target' then
		(select count(*)::int from review_logs r
		 join content_cards cc on cc.id = r.card_id
		 join content_lessons cl on cl.id = cc.lesson_id
		 join content_units cu on cu.id = cl.unit_id
		 where r.user_id = ${person} and r.reviewed_at >= a.created_at
		   and (a.track_id is null or cu.track_id = a.track_id)
		   and (a.scene is null or a.scene = any (cc.scenes)))
	else 0
	end`;

// A work task's hand-ins by person $p: the latest version (by the unique index) and when the first came.
const workOf = (person: string) => `left join lateral (
		select s.id, exists (select 1 from work_feedback f where f.submission_id = s.id) as scored,
		       (select min(s0.submitted_at) from work_submissions s0 where s0.assignment_id = a.id and s0.user_id = ${person}) as first
		from work_submissions s where a.kind = 'work_task' and s.assignment_id = a.id and s.user_id = ${person}
		order by s.version desc limit 1
	) w on true`;
const workColumns = `w.id as "latestSubmissionId", coalesce(w.scored, false) as "latestScored", w.first as "firstSubmittedAt"`;

interface WorkRow {
	progress: number;
	latestSubmissionId: string | null;
	latestScored: boolean;
	firstSubmittedAt: Date | null;
}

function statusOf(assignment: Assignment, row: WorkRow, now: Date): StatusResult {
	const dueAt = new Date(assignment.dueAt);
	if (assignment.kind === 'work_task') {
		const first = row.firstSubmittedAt ? new Date(row.firstSubmittedAt) : null;
		return workTaskStatus({ firstSubmittedAt: first, latestScored: row.latestScored }, dueAt, now);
	}
	return assignmentStatus({ progress: row.progress, target: targetOf(assignment) }, dueAt, now);
}

const targetOf = (row: { kind: AssignmentKind; targetReviews: number | null }) => (row.kind === 'lesson' ? 1 : (row.targetReviews ?? 1));

/** What the trainee's cohorts assigned, with the trainee's own status (due in the last 30 days or later). */
export async function listForTrainee(claims: Claims, now = new Date()): Promise<TraineeAssignment[]> {
	const rows = await withUser(claims, (sql) =>
		sql.query<Assignment & WorkRow>(
			`select ${columns}, ${progressOf('$1')} as progress, ${workColumns}
			 from cohort_members m
			 join assignments a on a.cohort_id = m.cohort_id
			 ${joins}
			 ${workOf('$1')}
			 where m.user_id = $1 and a.due_at > now() - interval '30 days'
			 order by a.due_at`,
			[claims.sub]
		)
	);
	return rows.map(({ progress, latestSubmissionId, latestScored, firstSubmittedAt, ...row }) => ({
		...row,
		...statusOf(row, { progress, latestSubmissionId, latestScored, firstSubmittedAt }, now)
	}));
}

/**
 * Study-target progress of every trainee of the cohort in one pass, the same count progressOf makes for one
 * person: reviews since the assignment was made of cards in its track and scene. The matching cards are listed
 * once per assignment; each trainee's reviews since the oldest of these assignments come by review_logs(user_id,
 * reviewed_at), a range per trainee (OFFSET 0 keeps the planner from turning it into a scan of the whole log).
 * Asked row by row, it re-joined the curriculum for every trainee × assignment: most of the dashboard's assignment time.
 */
async function studyTargetProgress(sql: Sql, cohortId: string, assignmentIds: string[]): Promise<Map<string, number>> {
	const rows = await sql.query<{ assignmentId: string; userId: string; progress: number }>(
		`with targets as materialized (
			select a.id, a.created_at, cc.id as card_id
			from assignments a
			join content_cards cc on a.scene is null or a.scene = any (cc.scenes)
			join content_lessons cl on cl.id = cc.lesson_id
			join content_units cu on cu.id = cl.unit_id and (a.track_id is null or cu.track_id = a.track_id)
			where a.cohort_id = $1 and a.id = any ($2::uuid[]) and a.kind = 'study_target'
		 )
		 select t.id as "assignmentId", m.user_id as "userId", count(*)::int as progress
		 from cohort_members m
		 cross join lateral (
			select r.card_id, r.reviewed_at from review_logs r
			where r.user_id = m.user_id and r.reviewed_at >= (select min(created_at) from targets)
			offset 0
		 ) r
		 join targets t on t.card_id = r.card_id and r.reviewed_at >= t.created_at
		 where m.cohort_id = $1
		 group by t.id, m.user_id`,
		[cohortId, assignmentIds]
	);
	return new Map(rows.map((row) => [`${row.assignmentId} ${row.userId}`, row.progress]));
}

/** Each trainee × each assignment of one cohort, in one query filtered by the cohort (and one for study targets). */
export async function statusForCohort(claims: Claims, cohortId: string, now = new Date()): Promise<CohortAssignment[]> {
	return withUser(claims, async (sql) => {
		const assignments = await list(sql, cohortId);
		const ids = assignments.map((a) => a.id);
		const rows = await sql.query<{ assignmentId: string; userId: string; name: string } & WorkRow>(
			`select a.id as "assignmentId", m.user_id as "userId", p.display_name as name,
				case when a.kind = 'lesson' then
					(select count(*)::int from lesson_completions lc where lc.user_id = m.user_id and lc.lesson_id = a.lesson_id)
				else 0 end as progress, ${workColumns}
			 from assignments a
			 join cohort_members m on m.cohort_id = a.cohort_id
			 join profiles p on p.id = m.user_id
			 ${workOf('m.user_id')}
			 where a.cohort_id = $1 and a.id = any ($2::uuid[])
			 order by p.display_name, m.user_id`,
			[cohortId, ids]
		);
		const studied = assignments.some((a) => a.kind === 'study_target') ? await studyTargetProgress(sql, cohortId, ids) : new Map<string, number>();
		const byAssignment = new Map<string, typeof rows>();
		for (const row of rows) byAssignment.get(row.assignmentId)?.push(row) ?? byAssignment.set(row.assignmentId, [row]);
		return assignments.map((assignment) => {
			const counts: Record<AssignmentStatus, number> = { not_started: 0, in_progress: 0, late: 0, done: 0 };
			const trainees = (byAssignment.get(assignment.id) ?? [])
				.map((row) => (assignment.kind === 'study_target' ? { ...row, progress: studied.get(`${assignment.id} ${row.userId}`) ?? 0 } : row))
				.map((row) => {
					const result = statusOf(assignment, row, now);
					counts[result.status] += 1;
					return { userId: row.userId, name: row.name, latestSubmissionId: row.latestSubmissionId, ...result };
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
			`insert into assignments (cohort_id, kind, lesson_id, track_id, scene, target_reviews, work_mode, title, instructions, rubric, due_at, created_by)
			 values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) returning id`,
			[
				cohortId,
				input.kind,
				input.kind === 'lesson' ? input.lessonId : null,
				input.kind === 'study_target' ? input.trackId : null,
				input.kind === 'study_target' ? input.scene : null,
				input.kind === 'study_target' ? input.targetReviews : null,
				input.kind === 'work_task' ? input.mode : null,
				input.kind === 'work_task' ? input.title : null,
				input.kind === 'work_task' ? input.instructions : null,
				input.kind === 'work_task' ? JSON.stringify(defaultRubric(input.mode)) : null,
				input.dueAt.toISOString(),
				claims.sub
			]
		)
	);
	return row!.id;
}

/** Withdraws an assignment; a work task's recordings go with its submissions (the rows cascade, the files do not). */
export async function withdraw(claims: Claims, assignmentId: string): Promise<boolean> {
	const keys = await withUser(claims, async (sql) => {
		const found = await sql.query<{ key: string }>(
			'select audio_key as key from work_submissions where assignment_id = $1 and audio_key is not null',
			[assignmentId]
		);
		const rows = await sql.query('delete from assignments where id = $1 returning id', [assignmentId]);
		return rows.length > 0 ? found.map((row) => row.key) : null;
	});
	if (keys === null) return false;
	const store = recordings();
	for (const key of keys) await store.delete(key);
	return true;
}

/** What the cohort page shows: each assignment with its trainees' status, and what may be assigned. */
export async function panel(claims: Claims, cohortId: string) {
	const [assigned, lessons] = await Promise.all([statusForCohort(claims, cohortId), lessonChoices(claims, cohortId)]);
	const tracks = [...new Map(lessons.map((l) => [l.trackId, { id: l.trackId, title: l.trackTitle }])).values()];
	return { assigned, lessons, tracks, scenes: await scenes(claims, tracks.map((t) => t.id)) };
}
