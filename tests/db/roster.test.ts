import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from './engines';
import { addActivity, buildWorld, claimsFor, createUser, type World } from './fixtures';
import type { Claims, Engine } from '../../src/lib/server/db/types';
import { adoptEngine } from '../../src/lib/server/db/connection';
import { runAsUser } from '../../src/lib/server/db/rls';
import * as users from '../../src/lib/server/auth/users';
import * as instructorInvites from '../../src/lib/server/auth/instructor-invites';
import * as roster from '../../src/lib/server/cohorts/roster';
import * as center from '../../src/lib/server/cohorts/center';

// Trainee A starts in C1 (instructor1), with a review, a finished lesson and a deck card (fixtures).
describe.each(testEngines)('the roster on $name', (testEngine) => {
	let engine: Engine;
	let world: World;
	beforeAll(async () => {
		engine = await testEngine.open();
		world = await buildWorld(engine);
		await addActivity(engine, world);
		adoptEngine(engine);
	});
	afterAll(() => testEngine.dispose(engine));

	const as = (person: keyof World['users']) => claimsFor(world.users[person]);
	const A = () => world.users.traineeA.id;
	const owner = <T>(text: string, params: unknown[] = []) => engine.transaction((sql) => sql.query<T>(text, params));
	const cohortsOf = async (userId: string) =>
		(await owner<{ cohort_id: string }>('select cohort_id from cohort_members where user_id = $1 order by cohort_id', [userId])).map(
			(row) => row.cohort_id
		);
	/** What this person sees of A's study history: reviews, finished lessons, deck cards. */
	const seenHistory = (claims: Claims) =>
		runAsUser(engine, claims, async (sql) => [
			(await sql.query('select 1 from review_logs where user_id = $1', [A()])).length,
			(await sql.query('select 1 from lesson_completions where user_id = $1', [A()])).length,
			(await sql.query('select 1 from deck_cards where user_id = $1', [A()])).length
		]);

	it('records a status; a departure needs a plausible date; the trainee and outsiders cannot change it', async () => {
		const C1 = world.cohorts.C1;
		expect(await roster.setStatus(as('instructor1'), C1, A(), { status: 'ready', departedOn: null })).toBe(true);
		expect(await roster.trainee(as('instructor1'), C1, A())).toMatchObject({ status: 'ready', departedOn: null });
		const [before] = await owner<{ at: Date }>('select status_changed_at as at from cohort_members where user_id = $1', [A()]);

		const today = new Date().toISOString().slice(0, 10);
		expect(await roster.setStatus(as('admin1'), C1, A(), { status: 'departed', departedOn: today })).toBe(true);
		const [after] = await owner<{ status: string; departed_on: string; at: Date }>(
			'select status, departed_on::text, status_changed_at as at from cohort_members where user_id = $1',
			[A()]
		);
		expect(after).toMatchObject({ status: 'departed', departed_on: today });
		expect(after!.at.getTime()).toBeGreaterThan(before!.at.getTime());

		// The database refuses what the form would: an unknown status, a departure without a date or years ahead.
		const update = (set: string) =>
			runAsUser(engine, as('instructor1'), (sql) => sql.query(`update cohort_members set ${set} where cohort_id = $1 and user_id = $2`, [C1, A()]));
		await expect(update(`status = 'graduated', departed_on = null`)).rejects.toMatchObject({ code: '23514' });
		await expect(update(`status = 'departed', departed_on = null`)).rejects.toMatchObject({ code: '23514' });
		await expect(update(`departed_on = current_date + 400`)).rejects.toMatchObject({ code: '23514' });
		await expect(update(`departed_on = date '2001-01-01'`)).rejects.toMatchObject({ code: '23514' });
		expect(await roster.setStatus(as('instructor1'), C1, A(), { status: 'departed', departedOn: '2001-01-01' })).toBe(false);

		for (const outsider of ['traineeA', 'instructor1b', 'instructor2', 'viewer'] as const) {
			expect(await roster.setStatus(as(outsider), C1, A(), { status: 'withdrawn', departedOn: null }), outsider).toBe(false);
		}
		expect(await roster.trainee(as('instructor1'), C1, A())).toMatchObject({ status: 'departed', departedOn: today });
		expect(await roster.setStatus(as('instructor1'), C1, A(), { status: 'in_training', departedOn: null })).toBe(true);
	});

	it('moves a trainee only into a cohort the mover also teaches; history follows to the new cohort’s staff', async () => {
		const { C1, C2 } = world.cohorts;
		expect(await seenHistory(as('instructor1'))).toEqual([1, 1, 1]);
		expect(await seenHistory(as('instructor1b'))).toEqual([0, 0, 0]);
		await roster.setStatus(as('instructor1'), C1, A(), { status: 'ready', departedOn: null });

		// instructor1 teaches C1 only: C2 is no target for them, and a forged move is refused.
		expect(await roster.moveTargets(as('instructor1'), C1)).toEqual([]);
		expect(await roster.move(as('instructor1'), C1, A(), C2)).toBe('refused');
		expect(await cohortsOf(A())).toEqual([C1]);

		// The center admin may move between any two cohorts of the center.
		expect((await roster.moveTargets(as('admin1'), C1)).map((c) => c.id)).toEqual([C2]);
		expect(await roster.move(as('admin1'), C1, A(), C2)).toBe('moved');
		expect(await cohortsOf(A())).toEqual([C2]);
		expect(await roster.trainee(as('instructor1b'), C2, A())).toMatchObject({ status: 'ready' });
		expect(await seenHistory(as('instructor1b'))).toEqual([1, 1, 1]);
		expect(await seenHistory(as('instructor1'))).toEqual([0, 0, 0]);
		expect(await seenHistory(as('traineeA'))).toEqual([1, 1, 1]);
	});

	it('refuses a move to another center’s cohort, even by someone who teaches both', async () => {
		const { C2, C3 } = world.cohorts;
		await owner('insert into cohort_instructors (cohort_id, user_id) values ($1, $2)', [C3, world.users.instructor1b.id]);
		expect(await roster.moveTargets(as('instructor1b'), C2)).toEqual([]);
		// A is no trainee of center 2: the policy says no.
		expect(await roster.move(as('instructor1b'), C2, A(), C3)).toBe('refused');
		// Even once A is a trainee there too, an enrolment does not cross centers (the trigger says no).
		await owner(`insert into center_memberships (center_id, user_id, role) values ($1, $2, 'trainee')`, [world.centers.c2, A()]);
		await expect(
			runAsUser(engine, as('instructor1b'), (sql) => sql.query('update cohort_members set cohort_id = $1 where cohort_id = $2 and user_id = $3', [C3, C2, A()]))
		).rejects.toMatchObject({ code: '42501' });
		expect(await roster.move(as('instructor1b'), C2, A(), C3)).toBe('refused');
		expect(await cohortsOf(A())).toEqual([C2]);
		await owner('delete from center_memberships where center_id = $1 and user_id = $2', [world.centers.c2, A()]);
		await owner('delete from cohort_instructors where cohort_id = $1 and user_id = $2', [C3, world.users.instructor1b.id]);
	});

	it('enrols only trainees of the cohort’s own center', async () => {
		const outsider = await engine.transaction((sql) => createUser(sql, 'outsider@example.test'));
		const enrol = (claims: Claims, userId: string) =>
			runAsUser(engine, claims, (sql) => sql.query('insert into cohort_members (cohort_id, user_id) values ($1, $2)', [world.cohorts.C1, userId]));
		await expect(enrol(as('instructor1'), outsider)).rejects.toMatchObject({ code: '42501' });
		await expect(enrol(as('instructor1'), world.users.instructor2.id)).rejects.toMatchObject({ code: '42501' });
		await expect(enrol(as('admin1'), outsider)).rejects.toMatchObject({ code: '42501' });
		expect(await cohortsOf(outsider)).toEqual([]);
	});

	it('removes after which the history stays but is hidden; adding back brings it back', async () => {
		const { C2 } = world.cohorts;
		expect(await roster.remove(as('instructor1'), C2, A())).toBe(false);
		expect(await roster.remove(as('instructor1b'), C2, A())).toBe(true);
		expect(await cohortsOf(A())).toEqual([]);
		expect((await owner('select 1 from review_logs where user_id = $1', [A()])).length).toBe(1);
		expect(await seenHistory(as('instructor1b'))).toEqual([0, 0, 0]);
		expect((await roster.removed(as('instructor1b'), C2)).map((r) => [r.id, r.displayName])).toEqual([[A(), 'traineea']]);
		expect(await roster.removed(as('instructor1'), C2)).toEqual([]);

		expect(await roster.addBack(as('instructor2'), C2, A())).toBe(false);
		expect(await roster.addBack(as('instructor1b'), C2, A())).toBe(true);
		expect(await cohortsOf(A())).toEqual([C2]);
		expect(await seenHistory(as('instructor1b'))).toEqual([1, 1, 1]);
		expect(await roster.removed(as('instructor1b'), C2)).toEqual([]);
		expect(await roster.move(as('admin1'), C2, A(), world.cohorts.C1)).toBe('moved');
	});

	it('marks an expected trainee joined when a fresh user calls join_cohort (as after a Supabase sign-up)', async () => {
		const { C1 } = world.cohorts;
		await owner(
			`insert into expected_trainees (cohort_id, display_name, phone, email, created_by)
			 values ($1, 'Lewat Supabase', null, 'supa@example.test', $2), ($1, 'Lewat HP', '6281277770001', null, $2), ($1, 'Belum', '6281277770002', null, $2)`,
			[C1, world.users.instructor1.id]
		);
		const byEmail = await engine.transaction((sql) => createUser(sql, 'supa@example.test'));
		const byPhone = await engine.transaction(async (sql) =>
			(await users.createUser(sql, { identifier: { kind: 'phone', value: '6281277770001' }, password: 'rahasia-sekali', displayName: 'Lewat HP' })).id
		);
		for (const id of [byEmail, byPhone]) {
			const [row] = await runAsUser(engine, { sub: id, role: 'authenticated', aud: 'authenticated' }, (sql) =>
				sql.query<{ cohort: string }>(`select public.join_cohort(' cohortc1 ') as cohort`)
			);
			expect(row!.cohort).toBe(C1);
		}
		const rows = await owner<{ display_name: string; joined_user_id: string | null }>(
			'select display_name, joined_user_id from expected_trainees where cohort_id = $1 order by display_name',
			[C1]
		);
		expect(rows.map((row) => [row.display_name, row.joined_user_id])).toEqual([
			['Belum', null],
			['Calon Peserta', null],
			['Lewat HP', byPhone],
			['Lewat Supabase', byEmail]
		]);
	});

	it('lets a center admin add an existing account as instructor, or invite an e-mail that signs up later', async () => {
		const existing = await engine.transaction((sql) => createUser(sql, 'guru.baru@example.test'));
		const c1 = world.centers.c1;
		expect(await center.addInstructor(as('admin1'), c1, ' Guru.Baru@Example.test ')).toBe('added');
		expect(await center.addInstructor(as('admin1'), c1, 'guru.baru@example.test')).toBe('already_instructor');
		expect((await center.instructors(as('admin1'), c1)).map((i) => i.id)).toContain(existing);

		expect(await center.addInstructor(as('admin1'), c1, 'nanti@example.test')).toBe('invited');
		expect(await center.addInstructor(as('admin1'), c1, 'nanti@example.test')).toBe('already_invited');
		const invitation = (await center.invitations(as('admin1'), c1)).find((pending) => pending.email === 'nanti@example.test');
		expect(invitation).toMatchObject({ email: 'nanti@example.test', code: expect.stringMatching(/^[A-HJ-NP-Z2-9]{12}$/) });

		// Only the invited e-mail can take the invitation up; then it is used.
		const stranger = await engine.transaction((sql) => createUser(sql, 'penyusup@example.test'));
		await expect(engine.transaction((sql) => instructorInvites.acceptAs(sql, stranger, invitation!.code))).rejects.toThrow(/invite_email_mismatch/);
		const invited = await engine.transaction(async (sql) => {
			const id = await createUser(sql, 'nanti@example.test');
			await instructorInvites.acceptAs(sql, id, invitation!.code);
			return id;
		});
		expect((await center.invitations(as('admin1'), c1)).map((pending) => pending.email)).toEqual(['calon.guru@example.test']);
		expect((await center.instructors(as('admin1'), c1)).map((i) => i.id)).toContain(invited);
		await expect(engine.transaction((sql) => instructorInvites.acceptAs(sql, stranger, invitation!.code))).rejects.toThrow(/invite_invalid/);
		const roles = await owner<{ user_id: string }>(`select user_id from center_memberships where center_id = $1 and role = 'instructor'`, [c1]);
		expect(roles.map((r) => r.user_id)).not.toContain(stranger);

		// Invited, then signed up some other way (here: as a trainee): adding the e-mail again adds the account.
		expect(await center.addInstructor(as('admin1'), c1, 'lewat.jalan.lain@example.test')).toBe('invited');
		await engine.transaction((sql) => createUser(sql, 'lewat.jalan.lain@example.test'));
		expect(await center.addInstructor(as('admin1'), c1, 'lewat.jalan.lain@example.test')).toBe('added');
		expect((await center.invitations(as('admin1'), c1)).map((pending) => pending.email)).toEqual(['calon.guru@example.test']);
	});

	it('refuses everyone but the center’s own admin', async () => {
		const c1 = world.centers.c1;
		const count = async () => (await owner<{ n: number }>('select count(*)::int as n from center_memberships where center_id = $1', [c1]))[0]!.n;
		const invitationsCount = async () => (await owner<{ n: number }>('select count(*)::int as n from instructor_invitations'))[0]!.n;
		const [members, invites] = [await count(), await invitationsCount()];
		for (const outsider of ['instructor1', 'instructor2', 'traineeA', 'viewer'] as const) {
			expect(await center.addInstructor(as(outsider), c1, `${outsider}-x@example.test`), outsider).toBeNull();
			expect(await center.addInstructor(as(outsider), c1, 'guru.baru@example.test'), outsider).toBeNull();
			expect(await center.instructors(as(outsider), c1), outsider).toEqual([]);
			expect(await center.removeInstructor(as(outsider), c1, world.users.instructor1b.id), outsider).toBe(false);
		}
		// admin1 is no admin of center 2.
		expect(await center.addInstructor(as('admin1'), world.centers.c2, 'guru.baru@example.test')).toBeNull();
		expect(await center.removeInstructor(as('admin1'), world.centers.c2, world.users.instructor2.id)).toBe(false);
		expect([await count(), await invitationsCount()]).toEqual([members, invites]);
	});

	it('removes an instructor from the center and from its cohorts; what they assigned stays', async () => {
		const c1 = world.centers.c1;
		const assignedBefore = await owner('select 1 from assignments where created_by = $1', [world.users.instructor1.id]);
		expect(assignedBefore.length).toBeGreaterThan(0);
		expect(await center.removeInstructor(as('admin1'), c1, world.users.instructor1.id)).toBe(true);
		expect((await center.instructors(as('admin1'), c1)).map((i) => i.id)).not.toContain(world.users.instructor1.id);
		expect(await owner('select 1 from cohort_instructors where user_id = $1', [world.users.instructor1.id])).toEqual([]);
		expect(await seenHistory(as('instructor1'))).toEqual([0, 0, 0]);
		expect((await owner('select 1 from assignments where created_by = $1', [world.users.instructor1.id])).length).toBe(assignedBefore.length);
		expect(await center.removeInstructor(as('admin1'), c1, world.users.instructor1.id)).toBe(false);
	});
});
