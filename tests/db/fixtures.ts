import type { Claims, Engine, Sql } from '../../src/lib/server/db/types';

export interface User {
	id: string;
	email: string;
}

const people = [
	'traineeA',
	'traineeB',
	'instructor1',
	'instructor1b',
	'instructor2',
	'admin1',
	'viewer',
	'spare'
] as const;
export type Person = (typeof people)[number];

/**
 * Two training centers. Center 1: admin1; instructor1 teaches C1, instructor1b teaches C2; traineeA is in C1,
 * traineeB in C2. Center 2: instructor2 teaches C3. viewer is a ministry viewer. spare is a user with no
 * profile, so a profile insert has something that would otherwise succeed. Lessons l1, l2 with cards c1, c2:
 * traineeA finished l1 and has c1 in the deck.
 */
export interface World {
	centers: { c1: string; c2: string };
	cohorts: { C1: string; C2: string; C3: string };
	users: Record<Person, User>;
}

/** An auth user as GoTrue writes one; the on_auth_user_created trigger makes the profile. */
export async function createUser(sql: Sql, email: string): Promise<string> {
	const [row] = await sql.query<{ id: string }>(
		`insert into auth.users (id, aud, role, email, encrypted_password,
		   confirmation_token, recovery_token, email_change_token_new, email_change)
		 values (gen_random_uuid(), 'authenticated', 'authenticated', $1, '', '', '', '', '')
		 returning id`,
		[email]
	);
	return row!.id;
}

export function claimsFor(user: User): Claims {
	return { sub: user.id, role: 'authenticated', aud: 'authenticated', email: user.email };
}

/** Builds the world as the database owner (RLS does not apply) and commits it. */
export function buildWorld(engine: Engine): Promise<World> {
	return engine.transaction(async (sql) => {
		const users = {} as Record<Person, User>;
		for (const person of people) {
			const email = `${person.toLowerCase()}@example.test`;
			users[person] = { id: await createUser(sql, email), email };
		}
		const center = async (name: string, province: string) =>
			(
				await sql.query<{ id: string }>(
					'insert into public.training_centers (name, province) values ($1, $2) returning id',
					[name, province]
				)
			)[0]!.id;
		const cohort = async (centerId: string, name: string, inviteCode: string) =>
			(
				await sql.query<{ id: string }>(
					`insert into public.cohorts (center_id, name, sector, target_exam, destination_prefecture, invite_code)
					 values ($1, $2, 'caregiving', 'jft_basic', 'Osaka', $3) returning id`,
					[centerId, name, inviteCode]
				)
			)[0]!.id;
		const member = (centerId: string, person: Person, role: string) =>
			sql.query('insert into public.center_memberships (center_id, user_id, role) values ($1, $2, $3)', [
				centerId,
				users[person].id,
				role
			]);
		const link = (table: 'cohort_members' | 'cohort_instructors', cohortId: string, person: Person) =>
			sql.query(`insert into public.${table} (cohort_id, user_id) values ($1, $2)`, [cohortId, users[person].id]);

		const c1 = await center('LPK Sakura Bandung', 'Jawa Barat');
		const c2 = await center('LPK Fuji Surabaya', 'Jawa Timur');
		const C1 = await cohort(c1, 'Angkatan 1', 'COHORTC1');
		const C2 = await cohort(c1, 'Angkatan 2', 'COHORTC2');
		const C3 = await cohort(c2, 'Angkatan 3', 'COHORTC3');

		await member(c1, 'admin1', 'center_admin');
		await member(c1, 'instructor1', 'instructor');
		await member(c1, 'instructor1b', 'instructor');
		await member(c1, 'traineeA', 'trainee');
		await member(c1, 'traineeB', 'trainee');
		await member(c2, 'instructor2', 'instructor');
		await link('cohort_instructors', C1, 'instructor1');
		await link('cohort_instructors', C2, 'instructor1b');
		await link('cohort_instructors', C3, 'instructor2');
		await link('cohort_members', C1, 'traineeA');
		await link('cohort_members', C2, 'traineeB');
		await sql.query('insert into public.ministry_viewers (user_id) values ($1)', [users.viewer.id]);
		await sql.query('delete from public.profiles where id = $1', [users.spare.id]);

		// A scrap of curriculum, and trainee A's progress through it.
		await sql.query(`insert into public.content_tracks (id, position, title, description) values ('t1', 0, '{}', '{}')`);
		await sql.query(`insert into public.content_units (id, track_id, position, title, can_do) values ('u1', 't1', 0, '{}', '[]')`);
		await sql.query(`insert into public.content_lessons (id, unit_id, position, title) values ('l1', 'u1', 0, '{}'), ('l2', 'u1', 1, '{}')`);
		await sql.query(
			`insert into public.content_cards (id, lesson_id, position, term, reading, meaning, part_of_speech, sectors, scenes, examples)
			 values ('c1', 'l1', 0, '食事', 'しょくじ', '{}', 'noun', '{}', '{}', '[]'), ('c2', 'l2', 0, '入浴', 'にゅうよく', '{}', 'noun', '{}', '{}', '[]')`
		);
		await sql.query(`insert into public.lesson_completions (user_id, lesson_id) values ($1, 'l1')`, [users.traineeA.id]);
		await sql.query(`insert into public.deck_cards (user_id, card_id) values ($1, 'c1')`, [users.traineeA.id]);
		return { centers: { c1, c2 }, cohorts: { C1, C2, C3 }, users };
	});
}

/** addActivity's work task in C1 and A's two versions of it (the first scored, the second waiting). */
export const WORK_IDS = {
	task: '00000000-0000-4000-8000-00000000a001',
	scored: '00000000-0000-4000-8000-00000000b001',
	waiting: '00000000-0000-4000-8000-00000000b002'
} as const;

/**
 * Activity in A's world, for the RLS matrix: one review of c1, a mock test under way (its first section open
 * until tomorrow) with one answer, and a test assigned to C1 by A's instructor. Returns the attempt's id.
 */
export function addActivity(engine: Engine, world: World): Promise<string> {
	const { users } = world;
	const C1 = world.cohorts.C1;
	return engine.transaction(async (sql) => {
		await sql.query(
			`insert into public.review_logs (id, user_id, card_id, rating, reviewed_at, duration_ms, mode)
			 values ('00000000-0000-7000-8000-000000000001', $1, 'c1', 3, now(), 4000, 'recognition')`,
			[users.traineeA.id]
		);

		// A mock test under way for trainee A (section open until tomorrow), and a test assigned to C1.
		await sql.query(`insert into public.test_units (id, test, section, mondai) values ('tu1', 'jlpt_n4', 'vocabulary', 'kanji_yomi')`);
		await sql.query(
			`insert into public.test_items (id, unit_id, position, skill, stem, choices, answer_key, authored_difficulty, difficulty, explanation)
			 values ('ti1', 'tu1', 0, 's', 'stem', '["a","b","c","d"]', 0, 0, 0, '{"id":"x"}'), ('ti2', 'tu1', 1, 's', 'stem', '["a","b","c","d"]', 0, 0, 0, '{"id":"x"}')`
		);
		const [attempt] = await sql.query<{ id: string }>(
			`insert into public.test_attempts (user_id, test, form_number, item_ids) values ($1, 'jlpt_n4', 1, '{ti1,ti2}') returning id`,
			[users.traineeA.id]
		);
		await sql.query(
			`insert into public.attempt_sections (attempt_id, position, section, started_at, deadline_at) values ($1, 0, 'vocabulary', now(), now() + interval '1 day')`,
			[attempt!.id]
		);
		await sql.query(`insert into public.attempt_answers (attempt_id, item_id, section_position, choice) values ($1, 'ti1', 0, 1)`, [attempt!.id]);
		await sql.query(
			`insert into public.test_assignments (cohort_id, test, opens_at, closes_at, created_by) values ($1, 'jlpt_n4', now(), now() + interval '7 days', $2)`,
			[C1, users.instructor1.id]
		);

		// Someone A's instructor expects in C1 (imported from a CSV, not signed up yet).
		await sql.query(
			`insert into public.expected_trainees (cohort_id, display_name, phone, created_by) values ($1, 'Calon Peserta', '6281299990001', $2)`,
			[C1, users.instructor1.id]
		);
		await sql.query(`insert into public.assignments (cohort_id, kind, lesson_id, due_at, created_by) values ($1, 'lesson', 'l1', now() + interval '3 days', $2)`, [
			C1,
			users.instructor1.id
		]);

		await sql.query(`insert into public.study_preferences (user_id, new_cards_per_day, fsrs_weights) values ($1, 8, '{0.4,1.2,3.1,15.7}')`, [
			users.traineeA.id
		]);

		// A written work task for C1 (WORK_IDS): A handed in two versions, and A's instructor scored the first.
		await sql.query(
			`insert into public.assignments (id, cohort_id, kind, work_mode, title, instructions, rubric, due_at, created_by)
			 values ($1, $2, 'work_task', 'written', '申し送り', '申し送りを書いてください。', '[{"key":"content","max":4}]', now() + interval '3 days', $3)`,
			[WORK_IDS.task, C1, users.instructor1.id]
		);
		await sql.query(`insert into public.work_submissions (id, assignment_id, user_id, body) values ($1, $3, $4, '一回目'), ($2, $3, $4, '二回目')`, [
			WORK_IDS.scored,
			WORK_IDS.waiting,
			WORK_IDS.task,
			users.traineeA.id
		]);
		await sql.query(`insert into public.work_feedback (submission_id, scores, comment, reviewer_id) values ($1, '{"content":3}', 'よくできました', $2)`, [
			WORK_IDS.scored,
			users.instructor1.id
		]);

		// Trainee B, once removed from C1 (remembered for adding back); an instructor invitation of center 1.
		await sql.query(`insert into public.cohort_removals (cohort_id, user_id, display_name, removed_by) values ($1, $2, 'traineeb', $3)`, [
			C1,
			users.traineeB.id,
			users.instructor1.id
		]);
		await sql.query(
			`insert into public.instructor_invitations (center_id, email, code, invited_by) values ($1, 'calon.guru@example.test', 'CALONGURU234', $2)`,
			[world.centers.c1, users.admin1.id]
		);
		// A agreed to the privacy notice at sign-up, and has asked for deletion (not yet confirmed).
		await sql.query(`insert into public.privacy_agreements (user_id, notice_version, locale) values ($1, '2026-11-24', 'id')`, [users.traineeA.id]);
		await sql.query(`insert into public.deletion_requests (user_id, center_id) values ($1, $2)`, [users.traineeA.id, world.centers.c1]);
		// A's kept core-deck recall (what the readiness query keeps, migration 20261124001800).
		await sql.query(
			`insert into public.deck_recall_sums (user_id, sector, projected_at, decay, factor, cards, studied, recall_sum) values ($1, 'caregiving', now(), -0.1542, 0.5, 1, 0, 0)`,
			[users.traineeA.id]
		);
		// C1's row of the ministry's mock-test rollup (the triggers make the other rollup rows of A's activity).
		await sql.query(`insert into public.ministry_cohort_tests (cohort_id, exam, takers, attempts) values ($1, 'jlpt_n4', 1, 1)`, [C1]);
		return attempt!.id;
	});
}
