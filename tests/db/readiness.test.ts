import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from './engines';
import { buildWorld, claimsFor, createUser, type World } from './fixtures';
import type { Engine } from '../../src/lib/server/db/types';
import { adoptEngine } from '../../src/lib/server/db/connection';
import * as readiness from '../../src/lib/server/readiness';

const NOW = new Date();
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();
const inDays = (days: number) => new Date(NOW.getTime() + days * DAY).toISOString().slice(0, 10);

/** A card reviewed yesterday that will still be well remembered long after departure. */
const wellLearnt = JSON.stringify({
	due: new Date(NOW.getTime() + 799 * DAY).toISOString(),
	stability: 800,
	difficulty: 5,
	elapsed_days: 0,
	scheduled_days: 800,
	learning_steps: 0,
	reps: 6,
	lapses: 0,
	state: 'Review',
	last_review: daysAgo(1)
});

describe.each(testEngines)('cohort readiness on $name', (testEngine) => {
	let engine: Engine;
	let world: World;
	let idle: string;
	beforeAll(async () => {
		engine = await testEngine.open();
		world = await buildWorld(engine);
		adoptEngine(engine);
		// C1 (caregiving, JFT-Basic) departs in 60 days. Trainee A is studying well; "idle" joined and did nothing
		// but one practice test, and a review too old to count.
		idle = await engine.transaction(async (sql) => {
			const A = world.users.traineeA.id;
			const id = await createUser(sql, 'idle@example.test');
			await sql.query(`update profiles set display_name = 'Idle' where id = $1`, [id]);
			await sql.query(`insert into center_memberships (center_id, user_id, role) values ($1, $2, 'trainee')`, [world.centers.c1, id]);
			await sql.query('insert into cohort_members (cohort_id, user_id) values ($1, $2)', [world.cohorts.C1, id]);
			await sql.query('update cohorts set departure_date = $2 where id = $1', [world.cohorts.C1, inDays(60)]);
			await sql.query(`insert into content_tracks (id, position, sector, title, description) values ('care', 1, 'caregiving', '{}', '{}'), ('workplace', 2, null, '{}', '{}')`);
			await sql.query(`insert into content_units (id, track_id, position, title, can_do) values ('cu1', 'care', 0, '{}', '[]'), ('wu1', 'workplace', 0, '{}', '[]')`);
			await sql.query(
				`insert into content_lessons (id, unit_id, position, title, culture_ids, protection_ids)
				 values ('cl1', 'cu1', 0, '{}', '{}', '{}'), ('wl1', 'wu1', 0, '{}', '{}', '{p1}'), ('wl2', 'wu1', 1, '{}', '{k1}', '{}')`
			);
			await sql.query(
				`insert into content_cards (id, lesson_id, position, term, reading, meaning, part_of_speech, sectors, scenes, examples)
				 values ('cc1', 'cl1', 0, '介護', 'かいご', '{}', 'noun', '{caregiving}', '{}', '[]'), ('cc2', 'cl1', 1, '車椅子', 'くるまいす', '{}', 'noun', '{caregiving}', '{}', '[]')`
			);
			await sql.query(`insert into deck_cards (user_id, card_id, schedule) values ($1, 'cc1', $2), ($1, 'cc2', $2)`, [A, wellLearnt]);
			await sql.query(`insert into lesson_completions (user_id, lesson_id) values ($1, 'wl1'), ($1, 'wl2')`, [A]);
			for (const [i, days] of [0, 1, 3, 5, 8].entries()) {
				await sql.query(
					`insert into review_logs (id, user_id, card_id, rating, reviewed_at, duration_ms, mode) values (gen_random_uuid(), $1, 'cc1', 3, $2, 60000, 'recognition')`,
					[A, new Date(NOW.getTime() - days * DAY - i * 1000).toISOString()]
				);
			}
			await sql.query(
				`insert into review_logs (id, user_id, card_id, rating, reviewed_at, duration_ms, mode) values (gen_random_uuid(), $1, 'c1', 3, $2, 60000, 'recognition')`,
				[id, daysAgo(20)]
			);
			const attempt = `insert into test_attempts (user_id, test, form_number, practice, item_ids, started_at, submitted_at, score)
				values ($1, 'jft_basic', 1, $2, '{}', $3, $3, $4)`;
			await sql.query(attempt, [A, false, daysAgo(2), JSON.stringify({ passProbability: 0.85, passed: true })]);
			await sql.query(attempt, [id, true, daysAgo(3), JSON.stringify({ passProbability: 0.9, passed: true })]);
			return id;
		});
	});
	afterAll(() => testEngine.dispose(engine));

	it("gives the cohort's instructor each trainee's level, with the reasons", async () => {
		const result = await readiness.forCohort(claimsFor(world.users.instructor1), world.cohorts.C1, NOW);
		expect(result.map((t) => t.traineeId).sort()).toEqual([world.users.traineeA.id, idle].sort());

		const studying = result.find((t) => t.traineeId === world.users.traineeA.id)!.readiness;
		expect(studying.level).toBe('ready');
		expect(studying.components.mockTest.value).toBeCloseTo(0.85);
		expect(studying.reasons.map((r) => r.code)).toEqual(
			expect.arrayContaining(['mock_test_pass_chance_good', 'projected_recall_good', 'protection_lessons_complete', 'culture_lessons_complete'])
		);
		// Five study days of the fourteen: half marks (full marks at ten), and not inactive.
		expect(studying.components.activity.value).toBe(0.5);

		const idleTrainee = result.find((t) => t.traineeId === idle)!;
		expect(idleTrainee.displayName).toBe('Idle');
		expect(idleTrainee.readiness.level).toBe('at_risk');
		const reasons = idleTrainee.readiness.reasons;
		expect(reasons).toContainEqual({ code: 'no_mock_test', practiceAttempts: 1 });
		expect(reasons).toContainEqual(expect.objectContaining({ code: 'inactive', daysStudied: 0 }));
		expect(reasons).toContainEqual(expect.objectContaining({ code: 'projected_recall_low', recall: 0, studied: 0, of: 2 }));
		expect(reasons).toContainEqual({ code: 'protection_lessons_missing', done: 0, of: 1 });
		expect(reasons).toContainEqual({ code: 'culture_lessons_missing', done: 0, of: 1 });
		expect(reasons.map((r) => r.code)).toContain('score_low');
	});

	it("gives the center admin the same, and an instructor of another center nothing", async () => {
		expect(await readiness.forCohort(claimsFor(world.users.admin1), world.cohorts.C1, NOW)).toHaveLength(2);
		expect(await readiness.forCohort(claimsFor(world.users.instructor2), world.cohorts.C1, NOW)).toEqual([]);
		expect(await readiness.forCohort(claimsFor(world.users.instructor1b), world.cohorts.C1, NOW)).toEqual([]);
	});
});
