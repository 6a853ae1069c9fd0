import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from './engines';
import { addActivity, buildWorld, claimsFor, WORK_IDS, type World } from './fixtures';
import type { Engine } from '../../src/lib/server/db/types';
import { runAsUser } from '../../src/lib/server/db/rls';

interface Event {
	action: string;
	actor_id: string | null;
	subject_id: string | null;
	detail: Record<string, unknown>;
}

describe.each(testEngines)('the audit trail on $name', (testEngine) => {
	let engine: Engine;
	let world: World;
	beforeAll(async () => {
		engine = await testEngine.open();
		world = await buildWorld(engine);
		await addActivity(engine, world);
	});
	afterAll(() => testEngine.dispose(engine));

	const as = <T>(who: keyof World['users'], fn: Parameters<typeof runAsUser<T>>[2]) => runAsUser(engine, claimsFor(world.users[who]), fn);
	const trail = (who: keyof World['users']) => as(who, (sql) => sql.query<Event>('select action, actor_id, subject_id, detail from audit_events order by id'));

	it("records who changed a trainee's status, readable by the center's admin only", async () => {
		await as('instructor1', (sql) =>
			sql.query(`update cohort_members set status = 'departed', departed_on = current_date where cohort_id = $1 and user_id = $2`, [
				world.cohorts.C1,
				world.users.traineeA.id
			])
		);
		const events = await trail('admin1');
		expect(events.at(-1)).toMatchObject({
			action: 'status_changed',
			actor_id: world.users.instructor1.id,
			subject_id: world.users.traineeA.id,
			detail: { from: 'in_training', to: 'departed' }
		});
		// Enrolments made when the world was built are there too.
		expect(events.filter((e) => e.action === 'enrolled').map((e) => e.subject_id)).toContain(world.users.traineeA.id);
		for (const who of ['instructor1', 'traineeA', 'instructor2', 'viewer'] as const) expect(await trail(who), who).toEqual([]);
	});

	it("records who scored a trainee's work and who changed the scores later", async () => {
		await as('instructor1', (sql) =>
			sql.query(`update work_feedback set scores = '{"content":4}', comment = 'もっと良くなりました' where submission_id = $1`, [WORK_IDS.scored])
		);
		const events = await trail('admin1');
		expect(events.find((e) => e.action === 'feedback_given')).toMatchObject({ subject_id: world.users.traineeA.id, detail: { submission: WORK_IDS.scored } });
		expect(events.at(-1)).toMatchObject({
			action: 'feedback_changed',
			actor_id: world.users.instructor1.id,
			subject_id: world.users.traineeA.id,
			detail: { scores: { content: 4 }, previous_scores: { content: 3 }, comment_changed: true }
		});
	});

	it('records exports by people of the center, and refuses an export record for a center one does not belong to', async () => {
		await as('instructor1', (sql) => sql.query(`select record_export($1, 'cohort roster', '{"format":"csv"}')`, [world.centers.c1]));
		expect((await trail('admin1')).at(-1)).toMatchObject({ action: 'exported', actor_id: world.users.instructor1.id, detail: { what: 'cohort roster', format: 'csv' } });
		await expect(as('instructor2', (sql) => sql.query(`select record_export($1, 'cohort roster')`, [world.centers.c1]))).rejects.toThrow(/not a member/);
		await expect(as('viewer', (sql) => sql.query(`select record_export($1, 'cohort roster')`, [world.centers.c1]))).rejects.toThrow(/not a member/);
		await as('traineeA', (sql) => sql.query(`select record_export($1, 'my data')`, [world.centers.c1]));
		expect((await trail('admin1')).at(-1)).toMatchObject({ action: 'exported', actor_id: world.users.traineeA.id, detail: { what: 'my data' } });
	});

	it('cannot be written, changed or deleted by anyone: not the admin, not the database owner', async () => {
		const count = async () => (await trail('admin1')).length;
		const before = await count();
		await expect(as('admin1', (sql) => sql.query(`insert into audit_events (center_id, action) values ($1, 'exported')`, [world.centers.c1]))).rejects.toThrow();
		await expect(as('admin1', (sql) => sql.query(`update audit_events set actor_id = null`))).rejects.toThrow();
		await expect(as('admin1', (sql) => sql.query(`delete from audit_events`))).rejects.toThrow();
		await expect(engine.transaction((sql) => sql.query(`update audit_events set actor_id = null`))).rejects.toThrow(/cannot be changed/);
		await expect(engine.transaction((sql) => sql.query(`delete from audit_events`))).rejects.toThrow(/cannot be changed/);
		await expect(engine.transaction((sql) => sql.query(`truncate audit_events`))).rejects.toThrow(/cannot be changed/);
		expect(await count()).toBe(before);
	});
});
