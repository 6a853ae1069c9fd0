import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from './engines';
import { buildWorld, claimsFor, type World } from './fixtures';
import type { Engine } from '../../src/lib/server/db/types';
import { adoptEngine } from '../../src/lib/server/db/connection';
import * as testAssignments from '../../src/lib/server/mock-tests/assignments';

const hour = 3_600_000;

describe.each(testEngines)('assigned mock tests on $name', (testEngine) => {
	let engine: Engine;
	let world: World;
	beforeAll(async () => {
		engine = await testEngine.open();
		world = await buildWorld(engine);
		adoptEngine(engine);
		await engine.transaction((sql) => sql.query(`update profiles set display_name = 'Trainee A' where id = $1`, [world.users.traineeA.id]));
	});
	afterAll(() => testEngine.dispose(engine));

	const instructor = () => claimsFor(world.users.instructor1);
	async function attempt(startedAt: Date, submittedAt: Date | null) {
		await engine.transaction((sql) =>
			sql.query(`insert into test_attempts (user_id, test, form_number, item_ids, started_at, submitted_at) values ($1, 'jlpt_n5', 1, '{}', $2, $3)`, [
				world.users.traineeA.id,
				startedAt.toISOString(),
				submittedAt?.toISOString() ?? null
			])
		);
	}
	const statusOf = async (now: Date) => (await testAssignments.forCohort(instructor(), world.cohorts.C1, now)).map((a) => a.trainees.map((t) => [t.name, t.status]));

	it("shows each trainee's status in the window: not started, in progress, done, and late once closed without a submission", async () => {
		const opens = new Date(Date.now() - hour);
		const closes = new Date(Date.now() + 2 * hour);
		await testAssignments.assign(instructor(), world.cohorts.C1, 'jlpt_n5', opens, closes);
		// An attempt from before the window does not count.
		await attempt(new Date(opens.getTime() - 5 * hour), new Date(opens.getTime() - 4 * hour));
		expect(await statusOf(new Date())).toEqual([[['Trainee A', 'not_started']]]);
		expect(await statusOf(new Date(closes.getTime() + hour))).toEqual([[['Trainee A', 'late']]]);
		await attempt(new Date(), null);
		expect(await statusOf(new Date())).toEqual([[['Trainee A', 'in_progress']]]);
		await attempt(new Date(), new Date(Date.now() + 1000));
		const [assigned] = await testAssignments.forCohort(instructor(), world.cohorts.C1, new Date(closes.getTime() + hour));
		expect(assigned!.trainees.map((t) => t.status)).toEqual(['done']);
		expect(assigned!.counts).toEqual({ not_started: 0, in_progress: 0, late: 0, done: 1 });
	});

	it('shows nothing to an instructor of another center', async () => {
		expect(await testAssignments.forCohort(claimsFor(world.users.instructor2), world.cohorts.C1)).toEqual([]);
	});
});
