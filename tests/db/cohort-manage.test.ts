import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from './engines';
import { buildWorld, claimsFor, type World } from './fixtures';
import type { Engine } from '../../src/lib/server/db/types';
import { adoptEngine } from '../../src/lib/server/db/connection';
import { runAsUser } from '../../src/lib/server/db/rls';
import { findOpenCohort } from '../../src/lib/server/auth/cohort-invites';
import * as manage from '../../src/lib/server/cohorts/manage';
import * as cohorts from '../../src/lib/server/cohorts';
import { cohortSchema, type CohortInput } from '../../src/lib/cohorts/cohort-form';

const input: CohortInput = {
	name: 'Seizou Aichi 2028',
	sector: 'manufacturing',
	targetExam: 'jlpt_n4',
	departureDate: '2028-04-01',
	destinationPrefecture: 'Aichi',
	desiredRetention: 0.88,
	newCardsPerDay: 12
};

describe.each(testEngines)('cohort management on $name', (testEngine) => {
	let engine: Engine;
	let world: World;
	beforeAll(async () => {
		engine = await testEngine.open();
		world = await buildWorld(engine);
		adoptEngine(engine);
	});
	afterAll(() => testEngine.dispose(engine));

	const as = (person: keyof World['users']) => claimsFor(world.users[person]);

	it('makes invite codes of 8 unambiguous characters', () => {
		for (let i = 0; i < 200; i++) expect(manage.newInviteCode()).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
	});

	it('lets an instructor open a cohort in their center, which they then teach', async () => {
		expect(await manage.centersForNewCohort(as('instructor1'))).toEqual([{ id: world.centers.c1, name: 'LPK Sakura Bandung' }]);
		const id = await manage.create(as('instructor1'), { ...input, centerId: world.centers.c1 });
		expect(id).toBeTruthy();
		const saved = await manage.settings(as('instructor1'), id!);
		expect(saved).toMatchObject({ ...input, id, administers: false });
		expect(saved!.inviteCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
		expect((await cohorts.listTaughtOrAdministered(as('instructor1'))).map((c) => c.id)).toContain(id);
		// The center admin sees every cohort of the center, and may staff this one.
		expect((await cohorts.listTaughtOrAdministered(as('admin1'))).map((c) => c.id)).toContain(id);
		expect((await manage.settings(as('admin1'), id!))!.administers).toBe(true);
	});

	it('refuses a cohort in a center where the person is not staff', async () => {
		const count = async () =>
			(await engine.transaction((sql) => sql.query<{ n: number }>('select count(*)::int as n from public.cohorts')))[0]!.n;
		const before = await count();
		expect(await manage.create(as('instructor2'), { ...input, centerId: world.centers.c1 })).toBeNull();
		expect(await manage.create(as('traineeA'), { ...input, centerId: world.centers.c1 })).toBeNull();
		expect(await count()).toBe(before);
	});

	it('lets the cohort’s instructor and center admin edit it, and nobody else', async () => {
		const C1 = world.cohorts.C1;
		expect(await manage.update(as('instructor1'), C1, { ...input, name: 'Angkatan 1 (baru)' })).toBe(true);
		expect(await manage.update(as('admin1'), C1, { ...input, departureDate: '2028-05-02' })).toBe(true);
		expect(await manage.settings(as('instructor1'), C1)).toMatchObject({ departureDate: '2028-05-02', desiredRetention: 0.88 });
		for (const outsider of ['instructor2', 'instructor1b', 'traineeA'] as const) {
			expect(await manage.update(as(outsider), C1, { ...input, name: 'Dibajak' }), outsider).toBe(false);
			expect(await manage.regenerateInviteCode(as(outsider), C1), outsider).toBeNull();
		}
		expect((await manage.settings(as('admin1'), C1))!.name).toBe(input.name);
		expect(await manage.settings(as('instructor2'), C1)).toBeNull();
	});

	it('regenerates the invite code; the old code no longer finds the cohort', async () => {
		const C2 = world.cohorts.C2;
		expect(await engine.transaction((sql) => findOpenCohort(sql, 'COHORTC2'))).toMatchObject({ id: C2 });
		const code = await manage.regenerateInviteCode(as('instructor1b'), C2);
		expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
		expect(code).not.toBe('COHORTC2');
		expect(await engine.transaction((sql) => findOpenCohort(sql, 'COHORTC2'))).toBeNull();
		expect(await engine.transaction((sql) => findOpenCohort(sql, code!))).toMatchObject({ id: C2 });
		// Joining with the old code fails; with the new one it works.
		const join = (invite: string) => runAsUser(engine, as('traineeA'), (sql) => sql.query('select public.join_cohort($1)', [invite]));
		await expect(join('COHORTC2')).rejects.toThrow(/invite_invalid/);
		await join(code!);
	});

	it('lets a center admin add and remove an instructor of their own center only', async () => {
		const C2 = world.cohorts.C2;
		const admin = as('admin1');
		const listed = await manage.instructors(admin, C2);
		expect(listed.map((i) => [i.id, i.teaches])).toEqual(
			expect.arrayContaining([
				[world.users.instructor1.id, false],
				[world.users.instructor1b.id, true]
			])
		);
		expect(listed.map((i) => i.id)).not.toContain(world.users.instructor2.id);
		expect(await manage.addInstructor(admin, C2, world.users.instructor1.id)).toBe(true);
		expect((await manage.instructors(admin, C2)).find((i) => i.id === world.users.instructor1.id)!.teaches).toBe(true);
		expect(await manage.settings(as('instructor1'), C2)).not.toBeNull();
		// Not an instructor of this center, and not by an instructor.
		expect(await manage.addInstructor(admin, C2, world.users.instructor2.id)).toBe(false);
		expect(await manage.addInstructor(admin, C2, world.users.traineeA.id)).toBe(false);
		expect(await manage.addInstructor(as('instructor1'), world.cohorts.C3, world.users.instructor1.id)).toBe(false);
		expect(await manage.instructors(as('instructor1'), C2)).toEqual([]);
		expect(await manage.removeInstructor(as('instructor1b'), C2, world.users.instructor1.id)).toBe(false);
		expect(await manage.removeInstructor(admin, C2, world.users.instructor1.id)).toBe(true);
		expect(await manage.settings(as('instructor1'), C2)).toBeNull();
	});

	it('stores only valid settings, whatever the form let through', async () => {
		expect(cohortSchema.safeParse({ ...input, desiredRetention: '0.5', newCardsPerDay: '12' }).success).toBe(false);
		// The database refuses out-of-range values too.
		await expect(manage.update(as('instructor1'), world.cohorts.C1, { ...input, desiredRetention: 0.99 })).rejects.toMatchObject({ code: '23514' });
		await expect(manage.update(as('instructor1'), world.cohorts.C1, { ...input, newCardsPerDay: 101 })).rejects.toMatchObject({ code: '23514' });
	});
});
