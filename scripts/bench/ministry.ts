// 4. The ministry at national scale: a generated nation — 100 centers, 2,000 cohorts, 50,000 trainees, 20,000,000
// review logs, 100,000 scored mock tests — on the PostgreSQL server, then
//   - the ministry overview (src/lib/server/ministry overview(): every SQL function the page calls, as the ministry
//     viewer under row-level security, plus the suppression), unfiltered and with sector + province filters;
//   - what keeping the rollups current costs when 10,000 and then 20,000 new reviews arrive, in sync-sized
//     statements of 1,000 (as syncReviews stores them) and in one statement: the rollup trigger's own time, as
//     EXPLAIN ANALYZE reports it for each insert; and the sequential scans of review_logs meanwhile (none: the
//     trigger reads only the new rows, never the table).
// How: in a fresh database on BENCH_DATABASE_URL / TEST_DATABASE_URL, migrated, filled with set-based SQL
// (generate_series) with triggers and foreign-key checks off (session_replication_role = replica), then the rollups
// built once by private.ministry_rebuild() — the full recomputation, timed on its own. Generating takes minutes, so
// the section runs only with BENCH_NATION=1 (the bench then allows itself 1,500 s unless BENCH_LIMIT_S says otherwise). BENCH_NATION_KEEP=1 keeps the
// database (hashi_bench_nation) and reuses it on the next run instead of generating it again.
import pg from 'pg';
import { adoptEngine } from '../../src/lib/server/db/connection';
import { migrate } from '../../src/lib/server/db/migrate';
import { openPostgres } from '../../src/lib/server/db/postgres';
import type { Claims, Engine } from '../../src/lib/server/db/types';
import { overview } from '../../src/lib/server/ministry';
import { onCleanup } from './cleanup';
import { detail, median, ms, type Row } from './report';

const CENTERS = 100;
const COHORTS = 2_000;
const TRAINEES = 50_000;
const REVIEWS = 20_000_000;
const CHUNK = 2_000_000;
const OVERVIEW_TARGET_MS = 500;
const PROVINCES = [
	'Aceh', 'Sumatera Utara', 'Sumatera Barat', 'Riau', 'Jambi', 'Sumatera Selatan', 'Lampung', 'Banten', 'DKI Jakarta', 'Jawa Barat',
	'Jawa Tengah', 'DI Yogyakarta', 'Jawa Timur', 'Bali', 'Nusa Tenggara Barat', 'Nusa Tenggara Timur', 'Kalimantan Barat',
	'Kalimantan Tengah', 'Sulawesi Selatan', 'Sulawesi Utara'
];
const PREFECTURES = ['Aichi', 'Osaka', 'Tokyo', 'Kanagawa', 'Saitama', 'Chiba', 'Hyogo', 'Fukuoka', 'Hiroshima', 'Shizuoka', 'Gifu', 'Mie', 'Kagawa', 'Kumamoto', 'Ibaraki'];
const KEPT = 'hashi_bench_nation';

const sqlArray = (values: string[]) => `array[${values.map((v) => `'${v}'`).join(', ')}]`;
// Deterministic ids, in order, so the generated rows go into the indexes in key order.
const uuid = (prefix: string, expr: string) => `('${prefix}' || lpad(to_hex(${expr}), 12, '0'))::uuid`;
const center = (expr: string) => uuid('00000000-0000-4000-a000-', expr);
const cohort = (expr: string) => uuid('00000000-0000-4000-c000-', expr);
const trainee = (expr: string) => uuid('00000000-0000-4000-b000-', expr);

async function admin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		return await fn(client);
	} finally {
		await client.end();
	}
}

async function timed<T>(label: string, fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
	const started = performance.now();
	const value = await fn();
	const took = performance.now() - started;
	detail(`  ${label}: ${ms(took, 0)}`);
	return { value, ms: took };
}

/** Fills the migrated database with the nation; returns how long that took (ms) and the rebuild's share. */
async function generate(url: string): Promise<{ total: number; rebuild: number }> {
	const started = performance.now();
	let rebuild = 0;
	await admin(url, async (db) => {
		await db.query(`set session_replication_role = replica`); // no triggers, no FK checks: the rollups are built after
		await db.query(`set maintenance_work_mem = '512MB'`);
		await timed('centers, cohorts, curriculum', async () => {
			await db.query(`insert into public.content_tracks (id, position, title, description) values ('nation-t', 0, '{}', '{}')`);
			await db.query(`insert into public.content_units (id, track_id, position, title, can_do) values ('nation-u', 'nation-t', 0, '{}', '[]')`);
			await db.query(`insert into public.content_lessons (id, unit_id, position, title) values ('nation-l', 'nation-u', 0, '{}')`);
			await db.query(
				`insert into public.content_cards (id, lesson_id, position, term, reading, meaning, part_of_speech, sectors, scenes, examples)
				 select 'nation-c' || i, 'nation-l', i, '語', 'ご', '{}', 'noun', '{}', '{}', '[]' from generate_series(0, 199) i`
			);
			await db.query(
				`insert into public.training_centers (id, name, province)
				 select ${center('i')}, 'LPK Nasional ' || i, (${sqlArray(PROVINCES)})[1 + i % ${PROVINCES.length}] from generate_series(1, ${CENTERS}) i`
			);
			await db.query(
				`insert into public.cohorts (id, center_id, name, sector, target_exam, departure_date, destination_prefecture, invite_code)
				 select ${cohort('c')}, ${center(`(c - 1) / ${COHORTS / CENTERS} + 1`)}, 'Angkatan ' || c,
					(array['caregiving', 'manufacturing', 'hospitality'])[1 + c % 3]::public.sector,
					(array['jlpt_n5', 'jlpt_n4', 'jft_basic', 'caregiving_japanese'])[1 + c % 4]::public.target_exam,
					current_date + ((c % 24) - 8) * 30, (${sqlArray(PREFECTURES)})[1 + c % ${PREFECTURES.length}], 'N' || lpad(c::text, 7, '0')
				 from generate_series(1, ${COHORTS}) c`
			);
		});
		const perCohort = TRAINEES / COHORTS;
		await timed(`${TRAINEES.toLocaleString('en')} trainees with enrolments`, async () => {
			await db.query(
				`insert into auth.users (id, aud, role, email, encrypted_password, confirmation_token, recovery_token, email_change_token_new, email_change)
				 select ${trainee('i')}, 'authenticated', 'authenticated', 'nation' || i || '@example.test', '', '', '', '', ''
				 from generate_series(1, ${TRAINEES}) i`
			);
			await db.query(`insert into public.profiles (id, display_name) select ${trainee('i')}, 'Peserta ' || i from generate_series(1, ${TRAINEES}) i`);
			await db.query(
				`insert into public.center_memberships (center_id, user_id, role)
				 select ${center(`((i - 1) / ${perCohort}) / ${COHORTS / CENTERS} + 1`)}, ${trainee('i')}, 'trainee' from generate_series(1, ${TRAINEES}) i`
			);
			// 70 % in training, 15 % ready, 10 % departed (dated), 5 % withdrawn; joined over the last year.
			await db.query(
				`insert into public.cohort_members (cohort_id, user_id, joined_at, status, departed_on)
				 select ${cohort(`(i - 1) / ${perCohort} + 1`)}, ${trainee('i')}, now() - (i % 365) * interval '1 day', s.status,
					case when s.status = 'departed' then current_date - (i % 365) / 2 end
				 from generate_series(1, ${TRAINEES}) i
				 cross join lateral (select case when i % 20 < 14 then 'in_training' when i % 20 < 17 then 'ready'
					when i % 20 < 19 then 'departed' else 'withdrawn' end as status) s`
			);
		});
		const perTrainee = REVIEWS / TRAINEES;
		await timed(`${REVIEWS.toLocaleString('en')} review logs (${perTrainee} per trainee, over a year)`, async () => {
			for (let from = 1; from <= REVIEWS; from += CHUNK) {
				await db.query(
					`insert into public.review_logs (id, user_id, card_id, rating, reviewed_at, duration_ms, mode)
					 select ${uuid('00000000-0000-7000-8000-', 'g')}, ${trainee(`(g - 1) / ${perTrainee} + 1`)}, 'nation-c' || (g % 200), 1 + g % 4,
						now() - ((g * 7919) % 31536000) * interval '1 second', 3000 + g % 5000, 'recognition'
					 from generate_series($1::bigint, $2::bigint) g`,
					[from, Math.min(REVIEWS, from + CHUNK - 1)]
				);
			}
		});
		await timed(`${(TRAINEES * 2).toLocaleString('en')} scored mock tests`, () =>
			db.query(
				`insert into public.test_attempts (user_id, test, form_number, item_ids, started_at, submitted_at, score)
				 select ${trainee(`(a - 1) / 2 + 1`)}, c.target_exam, 1, '{}', now() - (a % 300) * interval '1 day', now() - (a % 300) * interval '1 day' + interval '2 hours',
					jsonb_build_object('passed', a % 3 <> 0, 'passProbability', 0.6)
				 from generate_series(1, ${TRAINEES * 2}) a
				 join public.cohorts c on c.id = ${cohort(`((a - 1) / 2) / ${perCohort} + 1`)}`
			)
		);
		await db.query(`set session_replication_role = origin`);
		await db.query(`set work_mem = '256MB'`);
		rebuild = (await timed('rollups built by private.ministry_rebuild() (full recomputation)', () => db.query('select private.ministry_rebuild()'))).ms;
		// Readiness counts come from the periodic job, which needs real decks; here they are set per cohort.
		await db.query(
			`update public.ministry_cohort_readiness r set ready = 6 + hashtext(r.cohort_id::text) % 4, on_track = 9, at_risk = 4, computed_at = now(), stale = false`
		);
		await timed('vacuum analyze', () => db.query('vacuum analyze'));
		await db.query(`create table public.bench_nation_ready ()`); // marks a finished generation, for BENCH_NATION_KEEP
	});
	return { total: performance.now() - started, rebuild };
}

async function viewerClaims(url: string): Promise<Claims> {
	return admin(url, async (db) => {
		const email = 'kementerian@bench.example.test';
		const found = await db.query<{ id: string }>('select id from auth.users where email = $1', [email]);
		if (found.rows[0]) return { sub: found.rows[0].id, role: 'authenticated', aud: 'authenticated', email };
		const [row] = (
			await db.query<{ id: string }>(
				`insert into auth.users (id, aud, role, email, encrypted_password, confirmation_token, recovery_token, email_change_token_new, email_change)
				 values (gen_random_uuid(), 'authenticated', 'authenticated', $1, '', '', '', '', '') returning id`,
				[email]
			)
		).rows;
		await db.query('insert into public.ministry_viewers (user_id) values ($1)', [row!.id]);
		return { sub: row!.id, role: 'authenticated', aud: 'authenticated', email };
	});
}

let batchSeq = 0;

interface Inserted {
	/** The whole statements, ms. */
	statement: number;
	/** Of which the rollup trigger (ministry_reviews_added), as EXPLAIN ANALYZE reports it, ms. */
	rollups: number;
}

/**
 * Inserts `reviews` new reviews in statements of `batch` (each one trainee's, as a sync stores them; a different
 * trainee each time, spread over the nation), each under EXPLAIN ANALYZE, which runs it and reports the time spent
 * in each trigger: the rollup trigger's share is the refresh's cost.
 */
async function insertReviews(url: string, reviews: number, batch = 1000): Promise<Inserted> {
	return admin(url, async (db) => {
		const total: Inserted = { statement: 0, rollups: 0 };
		for (let b = 0; b < reviews / batch; b++) {
			const seq = ++batchSeq;
			const who = 1 + ((seq * 7919) % TRAINEES);
			const started = performance.now();
			const { rows } = await db.query<{ 'QUERY PLAN': [{ Triggers?: { 'Trigger Name': string; Time: number }[] }] }>(
				`explain (analyze, format json)
				 insert into public.review_logs (id, user_id, card_id, rating, reviewed_at, duration_ms, mode)
				 select gen_random_uuid(), ${trainee('$1::int')}, 'nation-c' || (g % 200), 1 + g % 4, now() - g * interval '1 minute', 4000, 'recall'
				 from generate_series(1, $2::int) g`,
				[who, batch]
			);
			total.statement += performance.now() - started;
			const triggers = rows[0]!['QUERY PLAN'][0].Triggers ?? [];
			total.rollups += triggers.filter((t) => t['Trigger Name'] === 'ministry_reviews_added').reduce((sum, t) => sum + t.Time, 0);
		}
		return total;
	});
}

async function reviewSeqScans(url: string): Promise<number> {
	return admin(url, async (db) => {
		await db.query('select pg_stat_clear_snapshot()');
		const { rows } = await db.query<{ n: string }>(`select seq_scan::text as n from pg_stat_user_tables where relid = 'public.review_logs'::regclass`);
		return Number(rows[0]?.n ?? 0);
	});
}

export async function run(): Promise<Row[]> {
	const base = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
	if (!base || process.env.BENCH_NATION !== '1') {
		detail(!base ? 'Skipped: set TEST_DATABASE_URL or BENCH_DATABASE_URL.' : 'Skipped: generating the nation takes about ten minutes; set BENCH_NATION=1.');
		return [{ figure: 'Ministry overview, generated nation', value: 'skipped', target: 'set BENCH_NATION=1', ok: null }];
	}
	const keep = process.env.BENCH_NATION_KEEP === '1';
	const name = keep ? KEPT : `hashi_bench_nation_${process.pid}_${Date.now().toString(36)}`;
	const target = new URL(base);
	target.pathname = `/${name}`;
	const url = target.toString();
	const exists = await admin(base, async (db) => (await db.query('select 1 from pg_database where datname = $1', [name])).rowCount! > 0);
	let ready = exists && (await admin(url, async (db) => (await db.query(`select to_regclass('public.bench_nation_ready') is not null as ok`)).rows[0].ok as boolean));
	if (!ready && exists) await admin(base, (db) => db.query(`drop database ${name} with (force)`)); // name is ours
	if (!ready) await admin(base, (db) => db.query(`create database ${name}`));
	if (!keep) onCleanup(`database ${name}`, () => admin(base, (db) => db.query(`drop database if exists ${name} with (force)`)));

	const engine: Engine = await openPostgres(url);
	onCleanup('nation pool', () => engine.close());
	await migrate(engine);
	const rows: Row[] = [];
	let generation: { total: number; rebuild: number } | null = null;
	if (!ready) {
		detail(`Generating the nation in ${name}:`);
		generation = await generate(url);
		ready = true;
	} else {
		detail(`Reusing the generated nation in ${name} (BENCH_NATION_KEEP=1).`);
	}
	const sizes = await admin(url, async (db) =>
		(
			await db.query<{ centers: string; trainees: string; reviews: string }>(
				`select (select count(*) from public.training_centers)::text as centers, (select count(*) from public.cohort_members)::text as trainees,
					(select reltuples::bigint from pg_class where oid = 'public.review_logs'::regclass)::text as reviews`
			)
		).rows[0]!
	);
	detail(`Nation: ${sizes.centers} centers, ${sizes.trainees} trainees, ~${Number(sizes.reviews).toLocaleString('en')} review logs.`);

	adoptEngine(engine);
	const viewer = await viewerClaims(url);
	const province = PROVINCES[9]!;
	const views = [
		{ label: 'unfiltered', filters: {} },
		{ label: `sector + province (caregiving, ${province})`, filters: { sector: 'caregiving', province } }
	];
	for (const { label, filters } of views) {
		await overview(viewer, filters); // warm-up
		const runs: number[] = [];
		let figures = '';
		for (let i = 0; i < 5; i++) {
			const started = performance.now();
			const view = await overview(viewer, filters);
			runs.push(performance.now() - started);
			figures = `total ${view.totals.total}, ${view.breakdowns.map((b) => `${b.rows.length} ${b.dimension}`).join(', ')}, ${view.trends.length} months`;
		}
		detail(`Overview ${label}: ${runs.map((r) => ms(r, 0)).join(', ')} → median ${ms(median(runs), 0)} (${figures})`);
		rows.push({ figure: `Ministry overview, ${label} (median of 5)`, value: ms(median(runs), 0), target: '< 500 ms', ok: median(runs) < OVERVIEW_TARGET_MS });
	}

	// Rollups kept current: the rollup trigger's own time as new reviews arrive, in sync-sized statements of 1,000
	// and in single statements of the whole amount.
	detail('New reviews; the rollup trigger\'s time (EXPLAIN ANALYZE) of the whole statement time:');
	await insertReviews(url, 5000); // warm-up
	const refresh: Record<string, number> = {};
	for (const [count, batch] of [[10_000, 1000], [20_000, 1000], [10_000, 10_000], [20_000, 20_000]] as const) {
		// Five times each (new reviews every time): on a shared two-core server the fastest run is the one least
		// disturbed by others, so the ratio uses it; the median is shown too.
		const scansBefore = await reviewSeqScans(url);
		const runs: Inserted[] = [];
		for (let i = 0; i < 5; i++) runs.push(await insertReviews(url, count, batch));
		const scans = (await reviewSeqScans(url)) - scansBefore;
		const how = batch === 1000 ? 'in statements of 1,000' : 'in one statement';
		const fastest = Math.min(...runs.map((r) => r.rollups));
		refresh[`${count}/${batch === 1000 ? 'sync' : 'one'}`] = fastest;
		detail(
			`  ${count.toLocaleString('en')} reviews ${how}: rollups ${runs.map((r) => ms(r.rollups, 0)).join(', ')} → fastest ${ms(fastest, 0)},` +
				` median ${ms(median(runs.map((r) => r.rollups)), 0)} (whole inserts, median ${ms(median(runs.map((r) => r.statement)), 0)}); sequential scans of review_logs meanwhile: ${scans}`
		);
		rows.push({ figure: `Rollup refresh, ${count.toLocaleString('en')} new reviews ${how} (fastest of 5)`, value: ms(fastest, 0), target: 'proportional', ok: scans === 0 ? null : false });
	}
	for (const kind of ['sync', 'one']) {
		const ratio = refresh[`20000/${kind}`]! / refresh[`10000/${kind}`]!;
		detail(`  20,000 ÷ 10,000 ${kind === 'sync' ? '(statements of 1,000)' : '(one statement)'} = ${ratio.toFixed(2)}×, in a table of ${Number(sizes.reviews).toLocaleString('en')}`);
		rows.push({ figure: `Rollup refresh 20k ÷ 10k ${kind === 'sync' ? '(statements of 1,000)' : '(one statement)'}`, value: `${ratio.toFixed(2)}×`, target: '≈ 2× (proportional)', ok: ratio > 1.4 && ratio < 2.8 });
	}
	if (generation) {
		rows.push({ figure: 'Nation generator run time (incl. rollup rebuild)', value: ms(generation.total, 0), target: '', ok: null });
		rows.push({ figure: 'Full rollup recomputation over 20M reviews', value: ms(generation.rebuild, 0), target: '', ok: null });
	}
	return rows;
}
