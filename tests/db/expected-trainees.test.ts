import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from './engines';
import { buildWorld, claimsFor, type World } from './fixtures';
import type { Engine } from '../../src/lib/server/db/types';
import { adoptEngine } from '../../src/lib/server/db/connection';
import { runAsUser } from '../../src/lib/server/db/rls';
import * as users from '../../src/lib/server/auth/users';
import * as cohortInvites from '../../src/lib/server/auth/cohort-invites';
import * as expected from '../../src/lib/server/cohorts/expected';
import { parseRoster, type ImportRow } from '../../src/lib/cohorts/csv-import';

const roster = (text: string): ImportRow[] => {
	const parsed = parseRoster(text);
	if (!parsed.ok) throw new Error(parsed.problem);
	return parsed.rows;
};

const FILE = ['nama,hp,email', 'Siti Aminah,0812-7000-0001,', 'Budi Santoso,,budi@example.id', 'Rina,12345,', 'Siti lagi,+62 812 7000 0001,'].join('\n');

describe.each(testEngines)('expected trainees on $name', (testEngine) => {
	let engine: Engine;
	let world: World;
	beforeAll(async () => {
		engine = await testEngine.open();
		world = await buildWorld(engine);
		adoptEngine(engine);
	});
	afterAll(() => testEngine.dispose(engine));

	const C1 = () => world.cohorts.C1;
	const count = async () =>
		(await engine.transaction((sql) => sql.query<{ n: number }>('select count(*)::int as n from expected_trainees where cohort_id = $1', [C1()])))[0]!.n;

	it('imports the good rows once: a second import of the same file adds nothing', async () => {
		const instructor = claimsFor(world.users.instructor1);
		const first = await expected.importRows(instructor, C1(), roster(FILE));
		expect(first.added).toBe(2);
		expect(first.rows.map((row) => row.problems)).toEqual([[], [], ['phone_invalid'], ['duplicate_in_file']]);
		const second = await expected.importRows(instructor, C1(), roster(FILE));
		expect(second.added).toBe(0);
		expect(second.rows.map((row) => row.problems)).toEqual([['already_expected'], ['already_expected'], ['phone_invalid'], ['duplicate_in_file', 'already_expected']]);
		expect(await count()).toBe(2);
		expect((await expected.list(instructor, C1())).map((person) => [person.name, person.phone, person.email, person.joinedAt])).toEqual([
			['Budi Santoso', null, 'budi@example.id', null],
			['Siti Aminah', '6281270000001', null, null]
		]);
	});

	it('lets the center admin see and add, and marks people already enrolled', async () => {
		await engine.transaction((sql) => sql.query(`update profiles set phone = '6281270000099' where id = $1`, [world.users.traineeA.id]));
		const rows = await expected.preview(claimsFor(world.users.admin1), C1(), roster('name,phone\nTrainee A,081270000099\nDewi,081270000002'));
		expect(rows.map((row) => row.problems)).toEqual([['already_enrolled'], []]);
		expect((await expected.importRows(claimsFor(world.users.admin1), C1(), rows)).added).toBe(1);
		expect(await count()).toBe(3);
	});

	it('hides expected rows from an instructor of another center and from trainees, and refuses their imports', async () => {
		for (const person of [world.users.instructor2, world.users.instructor1b, world.users.traineeA]) {
			const claims = claimsFor(person);
			expect(await expected.list(claims, C1()), person.email).toEqual([]);
			await expect(expected.importRows(claims, C1(), roster('name,phone\nPenyusup,081270000003'))).rejects.toMatchObject({ code: '42501' });
			const seen = await runAsUser(engine, claims, (sql) => sql.query('select 1 from expected_trainees'));
			expect(seen, person.email).toEqual([]);
		}
		expect(await count()).toBe(3);
	});

	it('marks the expected row joined when that person signs up with the invite code and the same phone', async () => {
		const joinedId = await engine.transaction(async (sql) => {
			const identifier = { kind: 'phone' as const, value: '6281270000001' };
			const user = await users.createUser(sql, { identifier, password: 'rahasia-sekali', displayName: 'Siti' });
			// join_cohort marks the expected row with this phone joined.
			await cohortInvites.joinAs(sql, user.id, 'COHORTC1');
			return user.id;
		});
		await engine.transaction(async (sql) => {
			// Same e-mail, but a different cohort: nothing to mark in C1.
			const identifier = { kind: 'email' as const, value: 'budi@example.id' };
			const user = await users.createUser(sql, { identifier, password: 'rahasia-sekali', displayName: 'Budi' });
			await cohortInvites.joinAs(sql, user.id, 'COHORTC2');
		});
		const list = await expected.list(claimsFor(world.users.instructor1), C1());
		expect(list.filter((person) => person.joinedAt).map((person) => person.name)).toEqual(['Siti Aminah']);
		const [row] = await engine.transaction((sql) =>
			sql.query<{ joined_user_id: string }>(`select joined_user_id from expected_trainees where phone = '6281270000001'`)
		);
		expect(row!.joined_user_id).toBe(joinedId);
		// Now enrolled: a fresh import reports her as enrolled, not as someone to add.
		const rows = await expected.preview(claimsFor(world.users.instructor1), C1(), roster('nama,hp\nSiti,081270000001'));
		expect(rows[0]!.problems).toEqual(['already_enrolled']);
	});
});
