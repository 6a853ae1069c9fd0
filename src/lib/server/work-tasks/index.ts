import { z } from 'zod';
import { workTaskStatus, type AssignmentStatus } from '$lib/assignments/status';
import { AUDIO_MAX_BYTES, checkAudio, type AudioType } from '$lib/work-tasks/audio';
import { checkScores, COMMENT_MAX_CHARS, totalOf, WRITTEN_MAX_CHARS, type Rubric, type Scores, type WorkMode } from '$lib/work-tasks/rubric';
import { storable } from '$lib/forms/storable';
import { withUser } from '../db';
import type { Claims, Sql } from '../db/types';
import { newRecordingKey, recordings } from '../storage';

export interface WorkTask {
	id: string;
	cohortId: string;
	mode: WorkMode;
	title: string;
	instructions: string;
	rubric: Rubric;
	dueAt: Date;
}

export interface Feedback {
	scores: Scores;
	comment: string;
	reviewerName: string | null;
	reviewedAt: Date;
	total: number;
	max: number;
}

/** One version a trainee handed in, with the feedback on it once a reviewer has saved some. */
export interface Submission {
	id: string;
	assignmentId: string;
	userId: string;
	version: number;
	body: string | null;
	audioType: AudioType | null;
	audioBytes: number | null;
	audioMs: number | null;
	submittedAt: Date;
	feedback: Feedback | null;
}

export type SubmitResult = { id: string } | { error: string };

const taskColumns = `a.id, a.cohort_id as "cohortId", a.work_mode as mode, a.title, a.instructions, a.rubric, a.due_at as "dueAt"`;

type SubmissionRow = Omit<Submission, 'feedback'> & {
	scores: Scores | null;
	comment: string | null;
	reviewerName: string | null;
	reviewedAt: Date | null;
};
const submissionColumns = `s.id, s.assignment_id as "assignmentId", s.user_id as "userId", s.version, s.body, s.audio_type as "audioType",
	s.audio_bytes as "audioBytes", s.audio_ms as "audioMs", s.submitted_at as "submittedAt",
	f.scores, f.comment, rp.display_name as "reviewerName", f.reviewed_at as "reviewedAt"`;
const submissionJoins = `left join work_feedback f on f.submission_id = s.id left join profiles rp on rp.id = f.reviewer_id`;

function withFeedback(rubric: Rubric, { scores, comment, reviewerName, reviewedAt, ...row }: SubmissionRow): Submission {
	const feedback = scores && reviewedAt ? { scores, comment: comment ?? '', reviewerName, reviewedAt, ...totalOf(rubric, scores) } : null;
	return { ...row, feedback };
}

async function task(sql: Sql, assignmentId: string): Promise<WorkTask | null> {
	const [row] = await sql.query<WorkTask>(`select ${taskColumns} from assignments a where a.id = $1 and a.kind = 'work_task'`, [assignmentId]);
	return row ?? null;
}

/** A work task of one of the trainee's cohorts with every version they handed in (newest first), or null. */
export async function forTrainee(claims: Claims, assignmentId: string, now = new Date()) {
	return withUser(claims, async (sql) => {
		const found = await task(sql, assignmentId);
		if (!found) return null;
		const rows = await sql.query<SubmissionRow>(
			`select ${submissionColumns} from work_submissions s ${submissionJoins}
			 where s.assignment_id = $1 and s.user_id = $2 order by s.version desc`,
			[assignmentId, claims.sub]
		);
		const submissions = rows.map((row) => withFeedback(found.rubric, row));
		const first = submissions.at(-1)?.submittedAt;
		const status = workTaskStatus(
			{ firstSubmittedAt: first ? new Date(first) : null, latestScored: submissions[0]?.feedback != null },
			new Date(found.dueAt),
			now
		).status;
		return { task: found, submissions, status };
	});
}

const isDenied = (error: unknown) => (error as { code?: string } | null)?.code === '42501';

const writtenText = z.string().trim().min(1).max(WRITTEN_MAX_CHARS).refine(storable);

/** Hands in a written version. Refused (nothing stored) unless it is 1–4000 characters for a written task of the trainee's cohort. */
export async function submitWritten(claims: Claims, assignmentId: string, text: unknown): Promise<SubmitResult> {
	const body = writtenText.safeParse(typeof text === 'string' ? text.replace(/\r\n/g, '\n') : text);
	if (!body.success) return { error: 'work_text_length' };
	try {
		const [row] = await withUser(claims, (sql) =>
			sql.query<{ id: string }>('insert into work_submissions (assignment_id, user_id, body) values ($1, $2, $3) returning id', [
				assignmentId,
				claims.sub,
				body.data
			])
		);
		return { id: row!.id };
	} catch (error) {
		if (isDenied(error)) return { error: 'work_not_yours' };
		throw error;
	}
}

/**
 * Hands in a recording: checked (size, declared duration, declared type and magic bytes) before anything is
 * stored; the file is removed again if the database refuses the row, so a refusal leaves nothing behind.
 */
export async function submitSpoken(claims: Claims, assignmentId: string, file: unknown, durationMs: number | null): Promise<SubmitResult> {
	if (!(file instanceof File) || file.size === 0) return { error: 'work_audio_missing' };
	if (file.size > AUDIO_MAX_BYTES) return { error: 'work_audio_too_big' };
	const bytes = new Uint8Array(await file.arrayBuffer());
	const checked = checkAudio({ type: file.type, bytes, durationMs });
	if ('error' in checked) return checked;
	const key = newRecordingKey(claims.sub, checked.extension as 'webm' | 'ogg' | 'm4a');
	const store = recordings();
	await store.put(key, bytes, checked.type);
	try {
		const [row] = await withUser(claims, (sql) =>
			sql.query<{ id: string }>(
				`insert into work_submissions (assignment_id, user_id, audio_key, audio_type, audio_bytes, audio_ms)
				 values ($1, $2, $3, $4, $5, $6) returning id`,
				[assignmentId, claims.sub, key, checked.type, bytes.byteLength, checked.durationMs]
			)
		);
		return { id: row!.id };
	} catch (error) {
		await store.delete(key);
		if (isDenied(error)) return { error: 'work_not_yours' };
		throw error;
	}
}

/** One version for its reviewer (or its author): the task, the trainee's name, every version, or null when unseen. */
export async function forReview(claims: Claims, submissionId: string) {
	return withUser(claims, async (sql) => {
		const [head] = await sql.query<{ assignmentId: string; userId: string; name: string | null }>(
			`select s.assignment_id as "assignmentId", s.user_id as "userId", p.display_name as name
			 from work_submissions s left join profiles p on p.id = s.user_id where s.id = $1`,
			[submissionId]
		);
		if (!head) return null;
		const found = await task(sql, head.assignmentId);
		if (!found) return null;
		const rows = await sql.query<SubmissionRow>(
			`select ${submissionColumns} from work_submissions s ${submissionJoins}
			 where s.assignment_id = $1 and s.user_id = $2 order by s.version desc`,
			[head.assignmentId, head.userId]
		);
		const versions = rows.map((row) => withFeedback(found.rubric, row));
		const submission = versions.find((v) => v.id === submissionId)!;
		return { task: found, trainee: { id: head.userId, name: head.name ?? '' }, submission, versions };
	});
}

const commentText = z.string().trim().max(COMMENT_MAX_CHARS).refine(storable);

/** Saves (or changes) the scores and comment on a version. Scores must fit the task's rubric; staff only (RLS). */
export async function saveFeedback(claims: Claims, submissionId: string, rawScores: Record<string, unknown>, rawComment: unknown): Promise<{ saved: true } | { error: string }> {
	const comment = commentText.safeParse(typeof rawComment === 'string' ? rawComment : '');
	if (!comment.success) return { error: 'work_comment_length' };
	return withUser(claims, async (sql) => {
		const [row] = await sql.query<{ rubric: Rubric }>(
			`select a.rubric from work_submissions s join assignments a on a.id = s.assignment_id
			 where s.id = $1 and private.reviews_submission(s.id)`,
			[submissionId]
		);
		if (!row) return { error: 'work_not_reviewer' };
		const scores = checkScores(row.rubric, rawScores);
		if (!scores) return { error: 'work_bad_scores' };
		await sql.query(
			`insert into work_feedback (submission_id, scores, comment, reviewer_id) values ($1, $2, $3, $4)
			 on conflict (submission_id) do update set scores = excluded.scores, comment = excluded.comment, reviewer_id = excluded.reviewer_id`,
			[submissionId, JSON.stringify(scores), comment.data, claims.sub]
		);
		return { saved: true as const };
	});
}

/** A recording's bytes and type, for whoever may see the submission row under RLS; null for anyone else. */
export async function audio(claims: Claims, submissionId: string): Promise<{ bytes: Uint8Array; type: AudioType } | null> {
	const [row] = await withUser(claims, (sql) =>
		sql.query<{ key: string; type: AudioType }>(
			'select audio_key as key, audio_type as type from work_submissions where id = $1 and audio_key is not null',
			[submissionId]
		)
	);
	if (!row) return null;
	const bytes = await recordings().get(row.key);
	return bytes ? { bytes, type: row.type } : null;
}

export interface TraineeSubmission {
	submissionId: string;
	assignmentId: string;
	title: string;
	mode: WorkMode;
	version: number;
	submittedAt: Date;
	/** in_progress while it waits for a score, late when the task's first version came after the due date, done once scored. */
	status: AssignmentStatus;
	total: number | null;
	max: number;
}

/** Every version one trainee handed in for the cohort's work tasks, newest first (for their page in the cohort). */
export async function submissionsForTrainee(claims: Claims, cohortId: string, userId: string): Promise<TraineeSubmission[]> {
	const rows = await withUser(claims, (sql) =>
		sql.query<{
			submissionId: string;
			assignmentId: string;
			title: string;
			mode: WorkMode;
			rubric: Rubric;
			dueAt: Date;
			version: number;
			submittedAt: Date;
			firstSubmittedAt: Date;
			scores: Scores | null;
		}>(
			`select s.id as "submissionId", a.id as "assignmentId", a.title, a.work_mode as mode, a.rubric, a.due_at as "dueAt",
			        s.version, s.submitted_at as "submittedAt", f.scores,
			        min(s.submitted_at) over (partition by s.assignment_id) as "firstSubmittedAt"
			 from work_submissions s
			 join assignments a on a.id = s.assignment_id
			 left join work_feedback f on f.submission_id = s.id
			 where s.user_id = $2 and a.cohort_id = $1 and a.kind = 'work_task'
			 order by s.submitted_at desc, s.version desc
			 limit 200`,
			[cohortId, userId]
		)
	);
	return rows.map((row) => ({
		submissionId: row.submissionId,
		assignmentId: row.assignmentId,
		title: row.title,
		mode: row.mode,
		version: row.version,
		submittedAt: row.submittedAt,
		status: workTaskStatus({ firstSubmittedAt: new Date(row.firstSubmittedAt), latestScored: row.scores !== null }, new Date(row.dueAt), new Date()).status,
		total: row.scores ? totalOf(row.rubric, row.scores).total : null,
		max: totalOf(row.rubric, {}).max
	}));
}
