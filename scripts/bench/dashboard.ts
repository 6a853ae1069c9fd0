// 4. The cohort dashboard: the server time of dashboard.forCohort (src/lib/server/dashboard) — readiness of every
// trainee, assignment completion, the mondai and scene heatmaps and the weekly trend — for one cohort of 200
// trainees with 200,000 review logs, as its instructor opens it; and of dashboard.forTrainee for one of them.
//
// How: on a fresh database per engine (PGlite in memory; the PostgreSQL server at BENCH_DATABASE_URL or
// TEST_DATABASE_URL in a database made for the run and dropped after), made the process's database with
// adoptEngine, as the tests do. The world, written by the owner in a few set-based statements: a caregiving
// track of 300 cards over 8 scenes and a workplace track with culture and protection lessons; 200 trainees, each
// with the 300 cards in the deck (FSRS schedules), 1,000 reviews over the last 120 days, 3 submitted JFT-Basic
// attempts with per-mondai scores and some lessons done; a second cohort of 50 trainees with 50,000 reviews of
// its own, so the tables hold more than the cohort being read; 4 assignments. Reviews go in through the triggers
// that keep the rollups, as syncs do. Then ANALYZE (as autovacuum would). One warm-up call, then RUNS timed calls;
// the figures are their median and p95; one more call is split by part (SQL by statement kind, JS the rest).
// The warm-up keeps each trainee's core-deck recall sum (deck_recall_sums, deleted whenever their deck changes), as
// an earlier view would have; the "every deck changed" figure deletes them all before each call (as the owner,
// outside the timing), the case where every trainee synced since the cohort was last viewed.
import pg from 'pg';
import { blueprints } from '../../src/lib/mock-tests/blueprints';
import { adoptEngine } from '../../src/lib/server/db/connection';
import { migrate } from '../../src/lib/server/db/migrate';
import { openPglite } from '../../src/lib/server/db/pglite';
import { openPostgres } from '../../src/lib/server/db/postgres';
import type { Claims, Engine, Sql } from '../../src/lib/server/db/types';
import * as dashboard from '../../src/lib/server/dashboard';
import { forTrainee } from '../../src/lib/server/dashboard/trainee';
import { onCleanup } from './cleanup';
import { detail, median, ms, percentile, type Row } from './report';

const TRAINEES = 200;
const REVIEWS_PER_TRAINEE = 1000;
const OTHER_TRAINEES = 50;
const CARDS = 300;
const SCENES = ['食事介助', '入浴介助', '排泄介助', '移乗', '申し送り', '朝礼', '声かけ', '記録'];
const RUNS = 9;
const TARGET_MS = 150;

interface Target {
	name: string;
	open(): Promise<Engine>;
	dispose(engine: Engine): Promise<void>;
}

const pglite: Target = {
	name: 'PGlite (in memory)',
	async open() {
		const engine = await openPglite(undefined);
		await migrate(engine);
		return engine;
	},
	dispose: (engine) => engine.close()
};

function postgresServer(url: string): Target {
	const name = `hashi_bench_dash_${process.pid}_${Date.now().toString(36)}`;
	const admin = async (statement: string) => {
		const client = new pg.Client({ connectionString: url });
		await client.connect();
		try {
			await client.query(statement); // name is ours, not input
		} finally {
			await client.end();
		}
	};
	let drop: (() => Promise<void>) | undefined;
	return {
		name: `PostgreSQL server (${new URL(url).host})`,
		async open() {
			await admin(`create database ${name}`);
			drop = onCleanup(`database ${name}`, () => admin(`drop database if exists ${name} with (force)`));
			const target = new URL(url);
			target.pathname = `/${name}`;
			const engine = await openPostgres(target.toString());
			await migrate(engine);
			return engine;
		},
		async dispose(engine) {
			await engine.close();
			await drop?.();
		}
	};
}

/** A JFT-Basic score as the app stores it, with right answers per mondai drawn around `skill` (0–1). */
function score(skill: number, seed: number): string {
	let s = seed;
	const next = () => ((s = (s * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
	const raw = blueprints.jft_basic.sections.map((section) => {
		const mondai = section.mondai.map((m) => {
			const correct = Array.from({ length: m.count }, () => (next() < skill ? 1 : 0)).reduce<number>((a, b) => a + b, 0);
			return { id: m.id, correct, total: m.count };
		});
		return { id: section.id, correct: mondai.reduce((a, m) => a + m.correct, 0), total: mondai.reduce((a, m) => a + m.total, 0), mondai };
	});
	const total = Math.round(10 + 240 * skill);
	return JSON.stringify({ raw, scales: [], total, passed: total >= 200, passProbability: Math.min(1, Math.max(0, (skill - 0.5) * 2)) });
}

/** Trainees of one cohort with decks, reviews, attempts and lessons; returns their ids. */
async function trainees(sql: Sql, cohortId: string, prefix: string, count: number, reviews: number): Promise<string[]> {
	const ids = (
		await sql.query<{ id: string }>(
			`insert into auth.users (id, aud, role, email, encrypted_password, confirmation_token, recovery_token, email_change_token_new, email_change, raw_user_meta_data)
			 select gen_random_uuid(), 'authenticated', 'authenticated', $1 || n || '@example.test', '', '', '', '', '', jsonb_build_object('display_name', 'Peserta ' || $1 || lpad(n::text, 3, '0'))
			 from generate_series(1, $2::int) n returning id`,
			[prefix, count]
		)
	).map((row) => row.id);
	await sql.query(`insert into public.center_memberships (center_id, user_id, role) select c.center_id, u, 'trainee' from public.cohorts c, unnest($2::uuid[]) u where c.id = $1`, [cohortId, ids]);
	await sql.query(`insert into public.cohort_members (cohort_id, user_id) select $1, unnest($2::uuid[])`, [cohortId, ids]);
	// Foreign-key triggers off for the bulk rows below (the owner's bulk load; every id is made to fit).
	await sql.query(`set local session_replication_role = replica`);
	await sql.query(
		`insert into public.deck_cards (user_id, card_id, schedule, due_at, stability, fsrs_state, reps, last_reviewed_at)
		 select u, 'bench-card-' || c, jsonb_build_object('due', to_char((now() + make_interval(days => s::int)) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
			'stability', s, 'difficulty', 5, 'elapsed_days', 3, 'scheduled_days', s::int, 'learning_steps', 0, 'reps', 4, 'lapses', 0,
			'state', 'Review', 'last_review', to_char((now() - interval '3 days') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')),
			now() + make_interval(days => s::int), s, 2, 4, now() - interval '3 days'
		 from unnest($1::uuid[]) u, generate_series(0, $2::int - 1) c, lateral (select 2 + (abs(hashtext(u::text || c)) % 200)::float8 as s) st`,
		[ids, CARDS]
	);
	await sql.query(`set local session_replication_role = origin`);
	// Reviews as syncs store them, through the triggers that keep the rollups (review_weeks, the ministry's).
	await sql.query(
		`insert into public.review_logs (id, user_id, card_id, rating, reviewed_at, duration_ms, mode)
		 select gen_random_uuid(), u, 'bench-card-' || (abs(hashtext(u::text || n)) % $3), r.rating,
			now() - make_interval(secs => (abs(hashtext(n || u::text)) % (120 * 86400))), 4000, 'recognition'
		 from unnest($1::uuid[]) u, generate_series(1, $2::int) n,
			lateral (select case when abs(hashtext(u::text || n || 'r')) % 100 < 12 then 1 when abs(hashtext(u::text || n || 'r')) % 100 < 25 then 2 else 3 end::smallint as rating) r`,
		[ids, reviews, CARDS]
	);
	const attempts = ids.flatMap((id, i) => [0, 1, 2].map((k) => ({ id, days: 5 + k * 20 + (i % 7), score: score(0.4 + ((i * 37) % 50) / 100 + k * 0.03, i * 3 + k + 1) })));
	await sql.query(
		`insert into public.test_attempts (user_id, test, form_number, item_ids, started_at, submitted_at, score)
		 select a.user_id, 'jft_basic', 1, '{}', now() - make_interval(days => a.days) - interval '1 hour', now() - make_interval(days => a.days), a.score
		 from jsonb_to_recordset($1::jsonb) as a(user_id uuid, days int, score jsonb)`,
		[JSON.stringify(attempts.map((a) => ({ user_id: a.id, days: a.days, score: JSON.parse(a.score) })))]
	);
	await sql.query(
		`insert into public.lesson_completions (user_id, lesson_id) select u, l from unnest($1::uuid[]) u, unnest(array['bench-wl1', 'bench-wl2', 'bench-l0', 'bench-l1']) l
		 where abs(hashtext(u::text || l)) % 3 > 0`,
		[ids]
	);
	return ids;
}

async function seed(engine: Engine): Promise<{ cohortId: string; claims: Claims; trainee: string }> {
	return engine.transaction(async (sql) => {
		const [center] = await sql.query<{ id: string }>(`insert into public.training_centers (name, province) values ('LPK Bench', 'Jawa Barat') returning id`);
		const cohort = async (name: string, code: string) =>
			(
				await sql.query<{ id: string }>(
					`insert into public.cohorts (center_id, name, sector, target_exam, departure_date, destination_prefecture, invite_code)
					 values ($1, $2, 'caregiving', 'jft_basic', (now() + interval '90 days')::date, 'Kagawa', $3) returning id`,
					[center!.id, name, code]
				)
			)[0]!.id;
		const cohortId = await cohort('Bench 200', 'BENCHDSH');
		const otherId = await cohort('Bench other', 'BENCHOTH');
		await sql.query(
			`insert into public.content_tracks (id, position, sector, title, description) values
			 ('bench-care', 0, 'caregiving', '{"id":"Perawatan","en":"Care"}', '{}'), ('workplace', 1, null, '{"id":"Kerja","en":"Work"}', '{}')`
		);
		await sql.query(`insert into public.content_units (id, track_id, position, title, can_do) values ('bench-u', 'bench-care', 0, '{}', '[]'), ('bench-wu', 'workplace', 0, '{}', '[]')`);
		await sql.query(
			`insert into public.content_lessons (id, unit_id, position, title, culture_ids, protection_ids)
			 select 'bench-l' || n, 'bench-u', n, jsonb_build_object('id', 'Pelajaran ' || n, 'en', 'Lesson ' || n), '{}', '{}' from generate_series(0, 29) n
			 union all values ('bench-wl1', 'bench-wu', 0, '{"id":"Budaya","en":"Culture"}'::jsonb, '{k1}'::text[], '{}'::text[]), ('bench-wl2', 'bench-wu', 1, '{"id":"Hak","en":"Rights"}', '{}', '{p1}')`
		);
		await sql.query(
			`insert into public.content_cards (id, lesson_id, position, term, reading, meaning, part_of_speech, sectors, scenes, examples)
			 select 'bench-card-' || n, 'bench-l' || (n / 10), n % 10, '食事', 'しょくじ', '{"id": "makan"}', 'noun', '{caregiving}',
				array[($1::text[])[1 + n % 8]], '[]'
			 from generate_series(0, $2::int - 1) n`,
			[SCENES, CARDS]
		);
		const [instructor] = await sql.query<{ id: string }>(
			`insert into auth.users (id, aud, role, email, encrypted_password, confirmation_token, recovery_token, email_change_token_new, email_change)
			 values (gen_random_uuid(), 'authenticated', 'authenticated', 'bench-instructor@example.test', '', '', '', '', '') returning id`
		);
		await sql.query(`insert into public.center_memberships (center_id, user_id, role) values ($1, $2, 'instructor')`, [center!.id, instructor!.id]);
		await sql.query(`insert into public.cohort_instructors (cohort_id, user_id) values ($1, $2), ($3, $2)`, [cohortId, instructor!.id, otherId]);
		const ids = await trainees(sql, cohortId, 'bench-a', TRAINEES, REVIEWS_PER_TRAINEE);
		await trainees(sql, otherId, 'bench-b', OTHER_TRAINEES, REVIEWS_PER_TRAINEE);
		await sql.query(
			`insert into public.assignments (cohort_id, kind, lesson_id, track_id, scene, target_reviews, due_at, created_by, created_at) values
			 ($1, 'lesson', 'bench-l0', null, null, null, now() - interval '2 days', $2, now() - interval '20 days'),
			 ($1, 'lesson', 'bench-l1', null, null, null, now() + interval '5 days', $2, now() - interval '6 days'),
			 ($1, 'study_target', null, 'bench-care', '食事介助', 30, now() + interval '3 days', $2, now() - interval '10 days'),
			 ($1, 'study_target', null, 'bench-care', null, 100, now() + interval '10 days', $2, now() - interval '4 days')`,
			[cohortId, instructor!.id]
		);
		return { cohortId, claims: { sub: instructor!.id, role: 'authenticated', aud: 'authenticated', email: 'bench-instructor@example.test' }, trainee: ids[0]! };
	});
}

/** Which part of the page a statement serves, by its text: where the time goes. */
function partOf(text: string): string {
	if (/dashboard_(review|scene)_weeks/.test(text)) return 'weekly sums (review_weeks)';
	if (/score -> 'raw'/.test(text)) return 'mondai sums';
	if (/deck_recall_compute|refresh_deck_recall/.test(text)) return 'readiness: deck recall (computed)';
	if (/deck_recall_sums/.test(text)) return 'readiness: deck recall (kept)';
	if (/count\(distinct \(\(r\.reviewed_at/.test(text)) return 'readiness: activity';
	if (/a\.test, to_char|with modules as|as "displayName", c\.sector/.test(text)) return 'readiness: members, tests, lessons';
	if (/with targets as/.test(text)) return 'assignments: study targets';
	if (/as "assignmentId"/.test(text)) return 'assignments: status';
	if (/request\.jwt\.claims|set local role/.test(text)) return 'RLS set-up';
	return 'other SQL';
}

/** The engine with every statement's time added to its part. */
function timed(engine: Engine, spent: Map<string, number>): Engine {
	const wrap = (sql: Sql): Sql => ({
		async query(text, params) {
			const started = performance.now();
			try {
				return await sql.query(text, params);
			} finally {
				const part = partOf(text);
				spent.set(part, (spent.get(part) ?? 0) + performance.now() - started);
			}
		},
		exec: (script) => sql.exec(script)
	});
	return { kind: engine.kind, close: () => engine.close(), transaction: (fn) => engine.transaction((sql) => fn(wrap(sql))) };
}

async function timeIt(fn: () => Promise<unknown>): Promise<number[]> {
	await fn(); // warm-up: a running server's figures, not a cold start's
	const times: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const started = performance.now();
		await fn();
		times.push(performance.now() - started);
	}
	return times;
}

async function measureOn(target: Target): Promise<{ cohort: number[]; cold: number[]; trainee: number[]; seeded: number; counts: string; parts: string }> {
	const engine = await target.open();
	try {
		const spent = new Map<string, number>();
		adoptEngine(timed(engine, spent));
		const started = performance.now();
		const { cohortId, claims, trainee } = await seed(engine);
		await engine.transaction((sql) => sql.query('analyze'));
		const seeded = performance.now() - started;
		const [counts] = await engine.transaction((sql) =>
			sql.query<{ logs: number; decks: number; attempts: number }>(
				`select (select count(*) from public.review_logs)::int as logs, (select count(*) from public.deck_cards)::int as decks,
					(select count(*) from public.test_attempts)::int as attempts`
			)
		);
		const now = new Date();
		const view = await dashboard.forCohort(claims, cohortId, now);
		if (!view || view.readiness.length !== TRAINEES) throw new Error(`the dashboard saw ${view?.readiness.length ?? 'no'} trainees, not ${TRAINEES}`);
		const weekReviews = view.trend.reduce((sum, w) => sum + w.reviews, 0);
		if (weekReviews === 0 || view.scenes.length !== SCENES.length || view.mondai.length === 0) throw new Error('the dashboard came back without figures');
		const cohortTimes = await timeIt(() => dashboard.forCohort(claims, cohortId, now));
		// One more call, its SQL time by part (the JS rest is mostly the readiness model over every deck card).
		spent.clear();
		const split = performance.now();
		await dashboard.forCohort(claims, cohortId, now);
		const total = performance.now() - split;
		const sqlTime = [...spent.values()].reduce((a, b) => a + b, 0);
		const parts = `${ms(total, 0)} = ${[...spent].sort((a, b) => b[1] - a[1]).map(([part, t]) => `${part} ${t.toFixed(0)}`).join(', ')} + JS ~${Math.max(0, total - sqlTime).toFixed(0)}`;
		const traineeTimes = await timeIt(() => forTrainee(claims, cohortId, trainee, now));
		const coldTimes: number[] = [];
		for (let i = 0; i < RUNS; i++) {
			await engine.transaction((sql) => sql.query('delete from public.deck_recall_sums where true'));
			const started = performance.now();
			await dashboard.forCohort(claims, cohortId, now);
			coldTimes.push(performance.now() - started);
		}
		return {
			cohort: cohortTimes,
			cold: coldTimes,
			trainee: traineeTimes,
			seeded,
			parts,
			counts: `${counts!.logs.toLocaleString('en')} review logs (${weekReviews.toLocaleString('en')} of the cohort's in the ${view.weeks.length} weeks shown), ${counts!.decks.toLocaleString('en')} deck cards, ${counts!.attempts} attempts`
		};
	} finally {
		await target.dispose(engine);
	}
}

export async function run(): Promise<Row[]> {
	const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
	const targets = [pglite, ...(url ? [postgresServer(url)] : [])];
	const rows: Row[] = [];
	detail(`Cohort: ${TRAINEES} trainees × ${REVIEWS_PER_TRAINEE.toLocaleString('en')} reviews over 120 days, ${CARDS} deck cards each, 3 mock tests each, 4 assignments; another cohort of ${OTHER_TRAINEES} beside it. ${RUNS} runs after a warm-up.`);
	for (const target of targets) {
		const short = target === pglite ? 'PGlite' : 'PostgreSQL server';
		const { cohort, cold, trainee, seeded, counts, parts } = await measureOn(target);
		detail('');
		detail(`${target.name}: seeded in ${ms(seeded, 0)}: ${counts}`);
		detail(`  cohort dashboard: ${cohort.map((t) => ms(t, 0)).join(', ')} → median ${ms(median(cohort), 0)}, p95 ${ms(percentile(cohort, 95), 0)}`);
		detail(`  every deck changed since the last view: ${cold.map((t) => ms(t, 0)).join(', ')} → median ${ms(median(cold), 0)}, p95 ${ms(percentile(cold, 95), 0)}`);
		detail(`  where it goes   : ${parts} (ms)`);
		detail(`  one trainee     : ${trainee.map((t) => ms(t, 0)).join(', ')} → median ${ms(median(trainee), 0)}, p95 ${ms(percentile(trainee, 95), 0)}`);
		rows.push({ figure: `Cohort dashboard (200 trainees, 200k logs), ${short}, median`, value: ms(median(cohort), 0), target: '< 150 ms', ok: median(cohort) < TARGET_MS });
		rows.push({ figure: `Cohort dashboard, ${short}, p95 of ${RUNS}`, value: ms(percentile(cohort, 95), 0), target: '< 150 ms', ok: percentile(cohort, 95) < TARGET_MS });
		rows.push({ figure: `Cohort dashboard, ${short}, every deck changed since the last view, median`, value: ms(median(cold), 0), target: '< 150 ms', ok: median(cold) < TARGET_MS });
		rows.push({ figure: `Trainee view (one of the 200), ${short}, median`, value: ms(median(trainee), 0), target: '< 150 ms', ok: median(trainee) < TARGET_MS });
	}
	if (!url) {
		detail('');
		detail('PostgreSQL server: skipped (set TEST_DATABASE_URL or BENCH_DATABASE_URL to measure it).');
		rows.push({ figure: 'Cohort dashboard, PostgreSQL server', value: 'skipped', target: 'set TEST_DATABASE_URL', ok: null });
	}
	return rows;
}
