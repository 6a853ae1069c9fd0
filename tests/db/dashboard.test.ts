import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from './engines';
import { buildWorld, claimsFor, createUser, type World } from './fixtures';
import type { Engine } from '../../src/lib/server/db/types';
import { adoptEngine } from '../../src/lib/server/db/connection';
import { withUser } from '../../src/lib/server/db';
import { assignmentLabel } from '../../src/lib/assignments/label';
import { toCsv } from '../../src/lib/dashboard/csv';
import { localDay } from '../../src/lib/progress/days';
import * as dashboard from '../../src/lib/server/dashboard';
import { cohortTable, traineeTable } from '../../src/lib/server/dashboard/export';
import { forTrainee } from '../../src/lib/server/dashboard/trainee';

// Wednesday 25 November 2026, 12:00 in WIB. The dashboard's weeks end with the one starting Monday 23 November.
const NOW = new Date('2026-11-25T05:00:00Z');

/** A JFT-Basic score with right answers for two mondai of its first section. */
const score = (kanjiReading: number, vocabulary: number) =>
	JSON.stringify({
		raw: [
			{
				id: 'script_vocabulary',
				correct: kanjiReading + vocabulary,
				total: 8,
				mondai: [
					{ id: 'kanji_reading', correct: kanjiReading, total: 4 },
					{ id: 'vocabulary', correct: vocabulary, total: 4 }
				]
			}
		],
		scales: [],
		total: 150,
		passed: false,
		passProbability: 0.3
	});

describe.each(testEngines)('cohort dashboard on $name', (testEngine) => {
	let engine: Engine;
	let world: World;
	let budi: string;
	beforeAll(async () => {
		engine = await testEngine.open();
		world = await buildWorld(engine);
		adoptEngine(engine);
		// C1 (caregiving, JFT-Basic, departs 25 December): trainee A and Budi. Trainee B is in C2 and studies too.
		budi = await engine.transaction(async (sql) => {
			const { traineeA, traineeB, instructor1 } = world.users;
			const id = await createUser(sql, 'budi@example.test');
			await sql.query(`update profiles set display_name = 'Budi' where id = $1`, [id]);
			await sql.query(`update profiles set display_name = 'Ani' where id = $1`, [traineeA.id]);
			await sql.query(`insert into center_memberships (center_id, user_id, role) values ($1, $2, 'trainee')`, [world.centers.c1, id]);
			await sql.query('insert into cohort_members (cohort_id, user_id) values ($1, $2)', [world.cohorts.C1, id]);
			await sql.query(`update cohorts set departure_date = '2026-12-25' where id = $1`, [world.cohorts.C1]);
			await sql.query(`insert into content_tracks (id, position, sector, title, description) values ('care', 1, 'caregiving', '{}', '{}')`);
			await sql.query(`insert into content_units (id, track_id, position, title, can_do) values ('cu1', 'care', 0, '{}', '[]')`);
			await sql.query(`insert into content_lessons (id, unit_id, position, title) values ('cl1', 'cu1', 0, '{}')`);
			await sql.query(
				`insert into content_cards (id, lesson_id, position, term, reading, meaning, part_of_speech, sectors, scenes, examples) values
				 ('cc1', 'cl1', 0, '食事', 'しょくじ', '{}', 'noun', '{caregiving}', '{食事介助}', '[]'),
				 ('cc2', 'cl1', 1, '入浴', 'にゅうよく', '{}', 'noun', '{caregiving}', '{入浴介助}', '[]')`
			);
			const review = (user: string, card: string, rating: number, at: string) =>
				sql.query(
					`insert into review_logs (id, user_id, card_id, rating, reviewed_at, duration_ms, mode) values (gen_random_uuid(), $1, $2, $3, $4, 5000, 'recognition')`,
					[user, card, rating, at]
				);
			await review(traineeA.id, 'cc2', 3, '2026-11-17T03:00:00Z'); // Tuesday 17 Nov, WIB
			await review(traineeA.id, 'cc2', 1, '2026-11-22T17:30:00Z'); // Sunday in UTC, Monday 23 Nov 00:30 in WIB
			await review(traineeA.id, 'cc1', 3, '2026-11-24T03:00:00Z');
			await review(traineeA.id, 'cc1', 1, '2026-11-24T04:00:00Z');
			await review(id, 'cc1', 3, '2026-11-24T05:00:00Z');
			await review(traineeB.id, 'cc1', 1, '2026-11-24T05:00:00Z'); // C2: not this cohort's
			const attempt = (user: string, practice: boolean, body: string) =>
				sql.query(
					`insert into test_attempts (user_id, test, form_number, item_ids, practice, started_at, submitted_at, score)
					 values ($1, 'jft_basic', 1, '{}', $2, '2026-11-24T02:00:00Z', '2026-11-24T03:00:00Z', $3)`,
					[user, practice, body]
				);
			await attempt(traineeA.id, false, score(1, 3));
			await attempt(id, false, score(3, 2));
			await attempt(id, true, score(0, 0)); // practice: left out
			await sql.query(`insert into assignments (cohort_id, kind, lesson_id, due_at, created_by) values ($1, 'lesson', 'l1', '2026-11-24T16:59:00Z', $2)`, [
				world.cohorts.C1,
				instructor1.id
			]);
			// A written work task: A handed in one version, and it was scored 3 of 4.
			const [task] = await sql.query<{ id: string }>(
				`insert into assignments (cohort_id, kind, work_mode, title, instructions, rubric, due_at, created_by)
				 values ($1, 'work_task', 'written', '自己紹介', '自己紹介を書いてください。', '[{"key":"content","max":4}]', '2026-11-30T16:59:00Z', $2) returning id`,
				[world.cohorts.C1, instructor1.id]
			);
			const [submission] = await sql.query<{ id: string }>(
				`insert into work_submissions (assignment_id, user_id, body) values ($1, $2, 'はじめまして。') returning id`,
				[task!.id, traineeA.id]
			);
			await sql.query(`insert into work_feedback (submission_id, scores, comment, reviewer_id) values ($1, '{"content":3}', 'いいです', $2)`, [submission!.id, instructor1.id]);
			return id;
		});
	});
	afterAll(async () => {
		await testEngine.dispose(engine);
	});

	it('sums the cohort by WIB weeks: trend, scenes weakest first, mondai without practice attempts', async () => {
		const view = (await dashboard.forCohort(claimsFor(world.users.instructor1), world.cohorts.C1, NOW))!;
		expect(view.weeks.at(-1)).toBe('2026-11-23');
		expect(view.weeks).toHaveLength(8);
		expect(view.today).toBe('2026-11-25');
		expect(view.daysToDeparture).toBe(30);
		expect(view.readiness.map((t) => t.displayName)).toEqual(['Ani', 'Budi']);

		expect(view.trend.at(-1)).toMatchObject({ week: '2026-11-23', reviews: 4, active: 2, recallRate: 0.5, perTrainee: 2 });
		expect(view.trend.at(-2)).toMatchObject({ week: '2026-11-16', reviews: 1, active: 1, recallRate: 1 });
		expect(view.trend.slice(0, 6).every((w) => w.reviews === 0)).toBe(true);

		expect(view.scenes.map((s) => [s.key, s.right, s.total])).toEqual([
			['入浴介助', 1, 2],
			['食事介助', 2, 3]
		]);
		const bathing = view.scenes[0]!;
		expect(bathing.cells.at(-2)).toMatchObject({ right: 1, total: 1, rate: 1 });
		expect(bathing.cells.at(-1)).toMatchObject({ right: 0, total: 1, rate: 0 });

		expect(view.mondai.map((row) => [row.key, row.name, row.right, row.total])).toEqual([
			['kanji_reading', '漢字の読み', 4, 8],
			['vocabulary', '語彙', 5, 8]
		]);

		const work = view.assignments.find((a) => a.kind === 'work_task');
		expect(work && assignmentLabel(work)).toContain('自己紹介');
		const lessons = view.assignments.filter((a) => a.kind === 'lesson');
		expect(lessons).toHaveLength(1);
		expect(lessons[0]!.counts).toEqual({ not_started: 0, in_progress: 0, late: 1, done: 1 });
	});

	it('gives another center\'s instructor, and a trainee, nothing', async () => {
		expect(await dashboard.forCohort(claimsFor(world.users.instructor2), world.cohorts.C1, NOW)).toBeNull();
		expect(await dashboard.forCohort(claimsFor(world.users.traineeA), world.cohorts.C1, NOW)).toBeNull();
		expect(await forTrainee(claimsFor(world.users.instructor2), world.cohorts.C1, world.users.traineeA.id, NOW)).toBeNull();
		// The sums themselves, asked for directly, come back empty too.
		const rows = await withUser(claimsFor(world.users.instructor2), (sql) =>
			sql.query(`select * from public.dashboard_review_weeks($1, '2026-10-01', 8) union all select week_index, 0, 0, 0 from public.dashboard_scene_weeks($1, '2026-10-01', 8)`, [
				world.cohorts.C1
			])
		);
		expect(rows).toEqual([]);
	});

	it('lets the center admin read it', async () => {
		const view = await dashboard.forCohort(claimsFor(world.users.admin1), world.cohorts.C1, NOW);
		expect(view?.trend.at(-1)?.reviews).toBe(4);
	});

	it('shows one trainee: days in WIB, true retention per week, mock tests; someone from another cohort is not found', async () => {
		const instructor = claimsFor(world.users.instructor1);
		const view = (await forTrainee(instructor, world.cohorts.C1, world.users.traineeA.id, NOW))!;
		expect(view.displayName).toBe('Ani');
		const days = Object.fromEntries(view.calendar.weeks.flatMap((w) => w.days).filter((d) => d.reviews > 0).map((d) => [d.day, d.reviews]));
		expect(days).toEqual({ '2026-11-17': 1, '2026-11-23': 1, '2026-11-24': 2 });
		expect(view.calendar.total).toBe(4);
		// Only cc2's review on the 23rd had an earlier review a day or more before (and it was forgotten).
		expect(view.retention.at(-1)).toEqual({ week: '2026-11-23', reviews: 1, recalled: 0, rate: 0 });
		expect(view.retention.at(-2)).toMatchObject({ reviews: 0, rate: null });
		expect(view.mockTests.map((t) => [t.test, t.total, t.passed, t.practice])).toEqual([['jft_basic', 150, false, false]]);
		expect(view.readiness?.traineeId).toBe(world.users.traineeA.id);
		expect(view.submissions.map((w) => [w.title, w.version, w.status, w.total, w.max])).toEqual([['自己紹介', 1, 'done', 3, 4]]);

		expect(await forTrainee(instructor, world.cohorts.C1, world.users.traineeB.id, NOW)).toBeNull();
		expect((await forTrainee(instructor, world.cohorts.C1, budi, NOW))?.mockTests).toHaveLength(2);
	});

	it('keeps the review_weeks rollup equal to the log, batch by batch (WIB weeks, sector scenes)', async () => {
		const [rollup, log] = await engine.transaction(async (sql) => [
			await sql.query(`select user_id, sector, scene, week::text, reviews, recalled from review_weeks order by 1, 2, 3, 4`),
			await sql.query(
				`select user_id, '' as sector, '' as scene, private.wib_week(reviewed_at)::text as week, count(*)::int as reviews, (count(*) filter (where rating > 1))::int as recalled
				 from review_logs group by 1, 4
				 union all
				 select r.user_id, t.sector::text, s.scene, private.wib_week(r.reviewed_at)::text, count(*)::int, (count(*) filter (where r.rating > 1))::int
				 from review_logs r join content_cards cc on cc.id = r.card_id join content_lessons l on l.id = cc.lesson_id
				 join content_units u on u.id = l.unit_id join content_tracks t on t.id = u.track_id and t.sector is not null
				 cross join unnest(cc.scenes) as s(scene) group by 1, 2, 3, 4
				 order by 1, 2, 3, 4`
			)
		]);
		expect(rollup).toEqual(log);
		expect(rollup.length).toBeGreaterThan(4);
	});

	it('lets each person see in the fast policies exactly whom private.can_see_person() admits', async () => {
		const everyone = Object.values(world.users).map((u) => u.id).concat(budi);
		for (const user of Object.values(world.users)) {
			const rows = await withUser(claimsFor(user), (sql) =>
				sql.query<{ person: string; one: boolean; other: boolean }>(
					`select person, private.can_see_person(person) as one, person in (select private.people_i_see()) as other from unnest($1::uuid[]) as person`,
					[everyone]
				)
			);
			expect(rows.filter((row) => row.one !== row.other), user.email).toEqual([]);
		}
	});

	it('exports the tables as CSV with the figures shown', async () => {
		const view = (await dashboard.forCohort(claimsFor(world.users.instructor1), world.cohorts.C1, NOW))!;
		const scenes = Papa.parse<string[]>(toCsv(cohortTable(view, 'scenes')).slice(1)).data;
		expect(scenes[0]).toEqual(['Situasi', ...view.weeks.map((w) => `Minggu ${w}`), '8 minggu']);
		expect(scenes[1]).toEqual(['入浴介助', '', '', '', '', '', '', '100', '0', '50']);
		expect(scenes[2]).toEqual(['食事介助', '', '', '', '', '', '', '', '67', '67']);

		const readiness = Papa.parse<string[]>(toCsv(cohortTable(view, 'readiness')).slice(1)).data;
		expect(readiness[0]).toEqual(['Peserta', 'Tingkat', 'Skor kesiapan (%)', 'Alasan']);
		expect(readiness.slice(1).map((row) => row[0])).toEqual(['Ani', 'Budi']);

		const assignments = Papa.parse<string[]>(toCsv(cohortTable(view, 'assignments')).slice(1)).data;
		expect(assignments.find((row) => row[1] === '2026-11-24')!.slice(1)).toEqual(['2026-11-24', '0', '0', '1', '1']);

		const trainee = (await forTrainee(claimsFor(world.users.instructor1), world.cohorts.C1, world.users.traineeA.id, NOW))!;
		const tests = Papa.parse<string[]>(toCsv(traineeTable(trainee, 'tests')).slice(1)).data;
		expect(tests).toEqual([
			['Tanggal', 'Tes', 'Skor', 'Lulus', 'Peluang lulus (%)', 'Latihan'],
			['2026-11-24', expect.any(String), '150', 'Tidak', '30', 'Tidak']
		]);
		const work = Papa.parse<string[]>(toCsv(traineeTable(trainee, 'submissions')).slice(1)).data;
		expect(work).toEqual([
			['Dikirim', 'Tugas', 'Jenis tugas', 'Versi', 'Status', 'Nilai'],
			// Stamped by the database when handed in (the trigger keeps people from back-dating work).
			[localDay(new Date(trainee.submissions[0]!.submittedAt), 420), '自己紹介', 'Tulisan dalam bahasa Jepang', '1', 'Selesai', '3/4']
		]);
	});
});
