import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from './engines';
import { buildWorld, claimsFor, createUser, type World } from './fixtures';
import type { Engine, Sql } from '../../src/lib/server/db/types';
import { adoptEngine } from '../../src/lib/server/db/connection';
import { runAsUser } from '../../src/lib/server/db/rls';
import * as ministry from '../../src/lib/server/ministry';
import { refreshReadiness } from '../../src/lib/server/ministry/readiness-job';
import * as readiness from '../../src/lib/server/readiness';
import { SUPPRESSED } from '../../src/lib/ministry/types';

const NOW = new Date();
const DAY = 86_400_000;

/** The rollups, without rows that count nothing (an enrolment moved away leaves zeros behind). */
async function rollups(sql: Sql) {
	return {
		status: await sql.query(`select cohort_id, status, trainees from public.ministry_cohort_status where trainees <> 0 order by 1, 2`),
		months: await sql.query(
			`select cohort_id, month::text, joined, departed, active_trainees, reviews::int from public.ministry_cohort_months
			 where joined <> 0 or departed <> 0 or active_trainees <> 0 or reviews <> 0 order by 1, 2`
		),
		tests: await sql.query(`select cohort_id, exam, takers, passers, attempts, passed_attempts from public.ministry_cohort_tests order by 1, 2`)
	};
}

/** A batch of reviews stored as sync stores them: one statement, as the trainee, under row-level security. */
async function reviewBatch(engine: Engine, world: World, userId: string, email: string, times: Date[]) {
	await runAsUser(engine, claimsFor({ id: userId, email }), (sql) =>
		sql.query(
			`insert into review_logs (id, user_id, card_id, rating, reviewed_at, duration_ms, mode)
			 select gen_random_uuid(), $1, 'c1', 3, t, 5000, 'recognition' from unnest($2::timestamptz[]) as t`,
			[userId, times.map((t) => t.toISOString())]
		)
	);
}

describe.each(testEngines)('ministry rollups and view on $name', (testEngine) => {
	let engine: Engine;
	let world: World;
	const trainees: { id: string; email: string; name: string; phone: string }[] = [];

	beforeAll(async () => {
		engine = await testEngine.open();
		world = await buildWorld(engine);
		adoptEngine(engine);
		// Twelve more trainees in C1 (Jawa Barat) and six in C3 (Jawa Timur), each with c1 in the deck.
		await engine.transaction(async (sql) => {
			await sql.query(`update cohorts set departure_date = '2027-03-15', sector = 'manufacturing' where id = $1`, [world.cohorts.C3]);
			for (let i = 0; i < 18; i++) {
				const email = `ministry-${i}@example.test`;
				const id = await createUser(sql, email);
				const name = `Peserta Rahasia ${i}`;
				const phone = `62812777700${String(i).padStart(2, '0')}`;
				await sql.query('update profiles set display_name = $2, phone = $3 where id = $1', [id, name, phone]);
				const [center, cohort] = i < 12 ? [world.centers.c1, world.cohorts.C1] : [world.centers.c2, world.cohorts.C3];
				await sql.query(`insert into center_memberships (center_id, user_id, role) values ($1, $2, 'trainee')`, [center, id]);
				await sql.query('insert into cohort_members (cohort_id, user_id, joined_at) values ($1, $2, $3)', [cohort, id, new Date(NOW.getTime() - (60 + (i % 3) * 40) * DAY).toISOString()]);
				await sql.query(`insert into deck_cards (user_id, card_id) values ($1, 'c1')`, [id]);
				trainees.push({ id, email, name, phone });
			}
		});
		// Reviews in batches, over three months, some trainees studying in several batches.
		for (const [i, t] of trainees.entries()) {
			const times = Array.from({ length: 3 + (i % 4) }, (_, k) => new Date(NOW.getTime() - (k * 20 + i) * DAY - 3_600_000));
			await reviewBatch(engine, world, t.id, t.email, times);
			if (i % 2 === 0) await reviewBatch(engine, world, t.id, t.email, [new Date(NOW.getTime() - 3_600_000)]);
		}
		// Status changes as instructors make them: departures (dated), a withdrawal, a correction, a move.
		await engine.transaction(async (sql) => {
			const set = (i: number, status: string, departedOn: string | null) =>
				sql.query('update cohort_members set status = $2, departed_on = $3, status_changed_at = now() where user_id = $1', [trainees[i]!.id, status, departedOn]);
			for (const i of [0, 1, 2, 3, 4, 5]) await set(i, 'departed', new Date(NOW.getTime() - (i < 3 ? 35 : 5) * DAY).toISOString().slice(0, 10));
			await set(6, 'withdrawn', null);
			await set(7, 'ready', null);
			await set(5, 'ready', null); // a departure entered by mistake, taken back
			await sql.query('update cohort_members set cohort_id = $2 where user_id = $1', [trainees[8]!.id, world.cohorts.C2]);
		});
		// Mock tests scored: passes, fails, a second attempt, and a practice attempt that does not count.
		await engine.transaction(async (sql) => {
			const attempt = async (i: number, test: string, passed: boolean, practice = false) => {
				const [row] = await sql.query<{ id: string }>(
					`insert into test_attempts (user_id, test, form_number, item_ids, practice) values ($1, $2, 1, '{}', $3) returning id`,
					[trainees[i]!.id, test, practice]
				);
				await sql.query(`update test_attempts set submitted_at = now(), score = $2 where id = $1`, [row!.id, JSON.stringify({ passed, passProbability: passed ? 0.8 : 0.2 })]);
			};
			for (let i = 0; i < 10; i++) await attempt(i, 'jft_basic', i % 3 !== 0);
			await attempt(0, 'jft_basic', true);
			await attempt(12, 'jlpt_n4', true);
			await attempt(13, 'jlpt_n4', false, true);
			// A move after the tests: trainee 9 takes their reviews and tests along to C2.
			await sql.query('update cohort_members set cohort_id = $2 where user_id = $1', [trainees[9]!.id, world.cohorts.C2]);
		});
	});
	afterAll(async () => {
		if (engine) await testEngine.dispose(engine);
	});

	it('keeps the rollups equal to a full recomputation from the person tables', async () => {
		const incremental = await engine.transaction(rollups);
		expect(incremental.status.length).toBeGreaterThan(3);
		// JFT-Basic in C1 and C2 (trainees 8 and 9 moved there), N4 in C3 (the practice attempt counts for nothing).
		expect(incremental.tests.length).toBe(3);
		const recomputed = await engine.transaction(async (sql) => {
			await sql.query('select private.ministry_rebuild()');
			return rollups(sql);
		});
		expect(incremental).toEqual(recomputed);
	});

	it('counts a trainee once per month however many batches they sync', async () => {
		const [row] = await engine.transaction((sql) =>
			sql.query<{ active: number; reviews: string }>(
				`select sum(active_trainees)::int as active, sum(reviews)::text as reviews from public.ministry_cohort_months
				 where cohort_id = $1 and month = private.ministry_month(now())`,
				[world.cohorts.C1]
			)
		);
		// Trainees 0–11 joined C1 (8 and 9 moved to C2, taking their history along); the even ones also synced a
		// second batch within the last hour, which must not count them twice.
		const c1 = trainees.slice(0, 12).filter((_, i) => i !== 8 && i !== 9);
		const studiedThisMonth = await engine.transaction((sql) =>
			sql.query<{ n: number }>(
				`select count(distinct user_id)::int as n from review_logs
				 where user_id = any($1::uuid[]) and private.ministry_month(reviewed_at) = private.ministry_month(now())`,
				[c1.map((t) => t.id)]
			)
		);
		expect(row!.active).toBe(studiedThisMonth[0]!.n);
		expect(row!.active).toBeGreaterThan(5);
	});

	it('lets only ministry viewers call the ministry functions', async () => {
		for (const person of ['traineeA', 'instructor1', 'admin1'] as const) {
			await expect(
				runAsUser(engine, claimsFor(world.users[person]), (sql) => sql.query(`select * from public.ministry_status(null, null, null, null, null)`))
			).rejects.toMatchObject({ code: '42501' });
		}
		await expect(runAsUser(engine, null, (sql) => sql.query(`select * from public.ministry_tests(null, null, null, null, null)`))).rejects.toMatchObject({
			code: '42501'
		});
		const rows = await runAsUser(engine, claimsFor(world.users.viewer), (sql) =>
			sql.query<{ dimension: string }>(`select * from public.ministry_status(null, null, null, null, null)`)
		);
		expect(new Set(rows.map((r) => r.dimension))).toEqual(new Set(['total', 'province', 'center', 'sector', 'destination', 'departure']));
	});

	it('lets nobody read the rollups or the per-person list of who was counted, not even a ministry viewer', async () => {
		for (const person of ['traineeA', 'instructor1', 'admin1', 'viewer'] as const) {
			for (const table of ['private.ministry_seen', 'public.ministry_cohort_status', 'public.ministry_cohort_months']) {
				await expect(runAsUser(engine, claimsFor(world.users[person]), (sql) => sql.query(`select 1 from ${table} limit 1`))).rejects.toMatchObject({
					code: '42501'
				});
			}
		}
	});

	it('gives the viewer suppressed figures only, and no name, phone, e-mail or id of a trainee', async () => {
		const view = await ministry.overview(claimsFor(world.users.viewer), {});
		const json = JSON.stringify(view);
		for (const t of trainees) {
			for (const secret of [t.name, t.phone, t.email, t.id]) expect(json).not.toContain(secret);
		}
		// 20 trainees: traineeA, traineeB and the 18. In training: 20 - 5 departed - 1 withdrawn - 2 ready.
		expect(view.totals.total).toBe(20);
		expect(view.totals.byStatus.in_training).toBe(12);
		expect(view.totals.byStatus.withdrawn).toBe(SUPPRESSED);
		const numbers = JSON.stringify(view, (key, value) => (key === 'passRate' ? undefined : value)).match(/(?<![\w.-])\d+(?![\w.-])/g) ?? [];
		expect(numbers.map(Number).filter((n) => n < 5)).toEqual([]);
	});

	it('combines filters, and a filter that leaves out a few hides the filtered totals that would reveal them', async () => {
		const viewer = claimsFor(world.users.viewer);
		const east = await ministry.overview(viewer, { province: 'Jawa Timur', sector: 'manufacturing' });
		// C3: trainees 12–17, all in training: 6 trainees, fewer than 5 left out of nothing… but 14 left out overall.
		expect(east.totals.total).toBe(6);
		expect(east.breakdowns.find((b) => b.dimension === 'province')!.rows.map((r) => r.key)).toEqual(['Jawa Timur']);
		const none = await ministry.overview(viewer, { province: 'Jawa Timur', sector: 'hospitality' });
		expect(none.totals.total).toBe(SUPPRESSED);
	});

	it('rejects malformed filters before any query', () => {
		expect(ministry.parseFilters(new URLSearchParams('sector=fishing'))).toBeNull();
		expect(ministry.parseFilters(new URLSearchParams('center=not-a-uuid'))).toBeNull();
		expect(ministry.parseFilters(new URLSearchParams('departure=2026-13'))).toBeNull();
		expect(ministry.parseFilters(new URLSearchParams('departure=none&province=Bali&sector='))).toEqual({ departure: 'none', province: 'Bali' });
	});

	it('stores readiness counts per cohort as the readiness model assesses the trainees in training or ready', async () => {
		const done = await refreshReadiness(NOW, 100);
		expect(done).toBeGreaterThanOrEqual(2);
		const expected = await engine.transaction(async (sql) => {
			const levels = { ready: 0, on_track: 0, at_risk: 0 };
			const assessed = await readiness.assessCohort(sql, world.cohorts.C1, NOW);
			const current = await sql.query<{ user_id: string }>(`select user_id from cohort_members where cohort_id = $1 and status in ('in_training', 'ready')`, [world.cohorts.C1]);
			const ids = new Set(current.map((r) => r.user_id));
			for (const t of assessed) if (ids.has(t.traineeId)) levels[t.readiness.level]++;
			return levels;
		});
		const [stored] = await engine.transaction((sql) =>
			sql.query(`select ready, on_track, at_risk, stale from public.ministry_cohort_readiness where cohort_id = $1`, [world.cohorts.C1])
		);
		expect(stored).toEqual({ ...expected, stale: false });
		// Nothing is due again until tomorrow, unless an enrolment changes.
		expect(await refreshReadiness(NOW, 100)).toBe(0);
		await engine.transaction((sql) => sql.query(`update cohort_members set status = 'ready' where user_id = $1`, [trainees[9]!.id]));
		expect(await refreshReadiness(NOW, 100)).toBe(1);
	});

	it('keeps past months when a person is deleted, and drops them from the current counts', async () => {
		const before = await engine.transaction(rollups);
		const gone = trainees[2]!; // departed in October, studied in several months
		await engine.transaction((sql) => sql.query('delete from auth.users where id = $1', [gone.id]));
		const after = await engine.transaction(rollups);
		expect(after.months).toEqual(before.months);
		expect(after.tests).toEqual(before.tests);
		const departed = (r: typeof before) => r.status.filter((s) => s.status === 'departed').reduce((n, s) => n + Number(s.trainees), 0);
		expect(departed(after)).toBe(departed(before) - 1);
	});
});
