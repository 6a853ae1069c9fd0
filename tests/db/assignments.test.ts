import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from './engines';
import { buildWorld, claimsFor, type World } from './fixtures';
import type { Engine } from '../../src/lib/server/db/types';
import { adoptEngine } from '../../src/lib/server/db/connection';
import * as assignments from '../../src/lib/server/assignments';
import * as curriculum from '../../src/lib/server/curriculum';

const day = 86_400_000;

describe.each(testEngines)('assignments on $name', (testEngine) => {
	let engine: Engine;
	let world: World;
	beforeAll(async () => {
		engine = await testEngine.open();
		world = await buildWorld(engine);
		adoptEngine(engine);
		await engine.transaction(async (sql) => {
			await sql.query(`update content_cards set scenes = '{meal_assistance}' where id = 'c2'`);
			await sql.query(`update profiles set display_name = 'Trainee A' where id = $1`, [world.users.traineeA.id]);
		});
	});
	afterAll(() => testEngine.dispose(engine));

	const instructor = () => claimsFor(world.users.instructor1);
	const traineeA = () => claimsFor(world.users.traineeA);

	it('lets cohort staff assign, and hides and refuses assignments for other cohorts and centers', async () => {
		const id = await assignments.create(instructor(), world.cohorts.C1, { kind: 'lesson', lessonId: 'l2', dueAt: new Date(Date.now() + 3 * day) });
		expect((await assignments.listForTrainee(traineeA())).map((a) => a.id)).toEqual([id]);
		expect(await assignments.listForTrainee(claimsFor(world.users.traineeB))).toEqual([]);
		expect(await assignments.statusForCohort(claimsFor(world.users.instructor2), world.cohorts.C1)).toEqual([]);
		expect((await assignments.statusForCohort(claimsFor(world.users.admin1), world.cohorts.C1)).map((a) => a.id)).toEqual([id]);
		for (const person of [world.users.instructor2, world.users.traineeB, world.users.traineeA, world.users.instructor1b]) {
			await expect(
				assignments.create(claimsFor(person), world.cohorts.C1, { kind: 'lesson', lessonId: 'l1', dueAt: new Date(Date.now() + day) }),
				person.email
			).rejects.toThrow();
			expect(await assignments.withdraw(claimsFor(person), id), person.email).toBe(false);
		}
		expect(await assignments.withdraw(instructor(), id)).toBe(true);
		expect(await assignments.listForTrainee(traineeA())).toEqual([]);
	});

	it('marks a lesson done once the trainee completes it, and late when it is past due and not done', async () => {
		const open = await assignments.create(instructor(), world.cohorts.C1, { kind: 'lesson', lessonId: 'l2', dueAt: new Date(Date.now() + day) });
		const overdue = await assignments.create(instructor(), world.cohorts.C1, { kind: 'lesson', lessonId: 'l2', dueAt: new Date(Date.now() + day) });
		const statusOf = async (id: string, now?: Date) =>
			(await assignments.statusForCohort(instructor(), world.cohorts.C1, now)).find((a) => a.id === id)!.trainees.map((t) => [t.name, t.status]);
		expect(await statusOf(open)).toEqual([['Trainee A', 'not_started']]);
		expect(await statusOf(overdue, new Date(Date.now() + 2 * day))).toEqual([['Trainee A', 'late']]);
		await curriculum.completeLesson(traineeA(), 'l2');
		expect(await statusOf(open)).toEqual([['Trainee A', 'done']]);
		const mine = await assignments.listForTrainee(traineeA());
		expect(mine.map((a) => [a.status, a.progress, a.target])).toEqual([
			['done', 1, 1],
			['done', 1, 1]
		]);
		const [cohort] = (await assignments.statusForCohort(instructor(), world.cohorts.C1)).filter((a) => a.id === open);
		expect(cohort!.counts).toEqual({ not_started: 0, in_progress: 0, late: 0, done: 1 });
		await assignments.withdraw(instructor(), open);
		await assignments.withdraw(instructor(), overdue);
	});

	it('counts reviews of the scene cards made since the study target was assigned', async () => {
		const id = await assignments.create(instructor(), world.cohorts.C1, {
			kind: 'study_target',
			trackId: 't1',
			scene: 'meal_assistance',
			targetReviews: 2,
			dueAt: new Date(Date.now() + day)
		});
		const review = (n: number, card: string) =>
			engine.transaction((sql) =>
				sql.query(
					`insert into review_logs (id, user_id, card_id, rating, reviewed_at, duration_ms, mode)
					 values ($1, $2, $3, 3, now() + interval '1 second', 3000, 'recognition')`,
					[`00000000-0000-7000-8000-00000000010${n}`, world.users.traineeA.id, card]
				)
			);
		const mine = async () => (await assignments.listForTrainee(traineeA())).find((a) => a.id === id)!;
		await review(1, 'c1'); // another scene: does not count
		expect((await mine()).status).toBe('not_started');
		await review(2, 'c2');
		expect(await mine()).toMatchObject({ status: 'in_progress', progress: 1, target: 2 });
		await review(3, 'c2');
		expect(await mine()).toMatchObject({ status: 'done', progress: 2, target: 2 });
	});

	it('offers the lessons of the cohort sector and shared tracks, grouped in order', async () => {
		const choices = await assignments.lessonChoices(instructor(), world.cohorts.C1);
		expect(choices.map((c) => c.lessonId)).toEqual(['l1', 'l2']);
		expect(await assignments.lessonChoices(claimsFor(world.users.instructor2), world.cohorts.C1)).toEqual([]);
	});
});
