// The cohort's study-target progress is counted in one grouped pass (statusForCohort); each trainee's own view
// (listForTrainee) still counts it person by person. Both must give every trainee the same number.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from './engines';
import { buildWorld, claimsFor, createUser, type World } from './fixtures';
import type { Engine } from '../../src/lib/server/db/types';
import { adoptEngine } from '../../src/lib/server/db/connection';
import * as assignments from '../../src/lib/server/assignments';

const DAY = 86_400_000;

describe.each(testEngines)('study-target progress for a whole cohort on $name', (testEngine) => {
	let engine: Engine;
	let world: World;
	const trainees: { id: string; email: string }[] = [];
	beforeAll(async () => {
		engine = await testEngine.open();
		world = await buildWorld(engine);
		adoptEngine(engine);
		await engine.transaction(async (sql) => {
			await sql.query(`insert into content_tracks (id, position, title, description) values ('t2', 1, '{}', '{}')`);
			await sql.query(`insert into content_units (id, track_id, position, title, can_do) values ('u2', 't2', 0, '{}', '[]')`);
			await sql.query(`insert into content_lessons (id, unit_id, position, title) values ('l3', 'u2', 0, '{}')`);
			await sql.query(
				`insert into content_cards (id, lesson_id, position, term, reading, meaning, part_of_speech, sectors, scenes, examples)
				 values ('c3', 'l3', 0, '移乗', 'いじょう', '{}', 'noun', '{}', '{meal_assistance}', '[]')`
			);
			await sql.query(`update content_cards set scenes = '{meal_assistance,bathing}' where id = 'c2'`);
			trainees.push({ id: world.users.traineeA.id, email: world.users.traineeA.email });
			for (const n of [1, 2, 3]) {
				const email = `progress${n}@example.test`;
				const id = await createUser(sql, email);
				await sql.query(`insert into center_memberships (center_id, user_id, role) values ($1, $2, 'trainee')`, [world.centers.c1, id]);
				await sql.query('insert into cohort_members (cohort_id, user_id) values ($1, $2)', [world.cohorts.C1, id]);
				trainees.push({ id, email });
			}
		});
	});
	afterAll(() => testEngine.dispose(engine));

	it('gives each trainee the count their own view gives, for every kind of target', async () => {
		const instructor = claimsFor(world.users.instructor1);
		const due = new Date(Date.now() + 5 * DAY);
		const targets = [
			await assignments.create(instructor, world.cohorts.C1, { kind: 'study_target', trackId: 't1', scene: 'meal_assistance', targetReviews: 4, dueAt: due }),
			await assignments.create(instructor, world.cohorts.C1, { kind: 'study_target', trackId: 't1', scene: null, targetReviews: 5, dueAt: due }),
			await assignments.create(instructor, world.cohorts.C1, { kind: 'study_target', trackId: null, scene: 'meal_assistance', targetReviews: 3, dueAt: due })
		];
		// Reviews before the targets were set (not counted) and after, of cards in and out of each target.
		await engine.transaction(async (sql) => {
			let n = 0;
			for (const [i, trainee] of trainees.entries()) {
				for (const [card, offsetS] of [['c1', -86_400], ['c2', -3600], ['c1', 5], ['c2', 6], ['c3', 7], ['c2', 8], ['c3', 9]] as const) {
					if ((n + i) % 3 === 0 && offsetS > 0 && i > 0) {
						n++;
						continue; // each trainee skips different reviews, so the counts differ
					}
					await sql.query(
						`insert into review_logs (id, user_id, card_id, rating, reviewed_at, duration_ms, mode)
						 values (gen_random_uuid(), $1, $2, 3, now() + make_interval(secs => $3), 3000, 'recognition')`,
						[trainee.id, card, offsetS]
					);
					n++;
				}
			}
		});
		const cohort = await assignments.statusForCohort(instructor, world.cohorts.C1);
		const seen = new Set<string>();
		for (const trainee of trainees) {
			const own = await assignments.listForTrainee(claimsFor(trainee));
			for (const id of targets) {
				const mine = own.find((a) => a.id === id)!;
				const theirs = cohort.find((a) => a.id === id)!.trainees.find((t) => t.userId === trainee.id)!;
				expect({ status: theirs.status, progress: theirs.progress }).toEqual({ status: mine.status, progress: mine.progress });
				seen.add(`${id}:${mine.progress}`);
			}
		}
		// The targets and trainees differ enough for the comparison to mean something.
		expect(seen.size).toBeGreaterThanOrEqual(5);
		expect(cohort.find((a) => a.id === targets[0])!.trainees.some((t) => t.progress > 0 && t.progress < 4)).toBe(true);
	});
});
