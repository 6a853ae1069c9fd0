// 7. Load: 200 trainees at once against the production server (adapter-node) on the PostgreSQL server, each
// syncing small batches of reviews (POST /api/study/sync) and loading Today (GET /today), in turn.
//
// How: a database made for the run on BENCH_DATABASE_URL / TEST_DATABASE_URL (dropped after); the server
// (`SKIP_BUILD=1 node scripts/start.js`, loopback) migrates it, loads the content build and seeds the demo center
// (SEED_DEMO=1). Then, straight in SQL, 200 trainee accounts as the server's own sign-up stores them (auth.users
// with a bcrypt password — one hash shared by all, computed once, as bcrypt at cost 10 is what sign-up costs and
// is not what this measures — enrolled through public.join_cohort in the demo cohort KAGAWA27, 20 caregiving cards
// each in their deck) and a session each (auth.sessions), whose access token is signed with the server's
// AUTH_SECRET: the cookie a sign-in would have set. All 200 in one cohort is the worst case for the per-cohort
// counters that every stored review updates (the ministry's monthly figures).
// The load comes from a second process on loopback (scripts/bench/load-client.mjs, autocannon), one connection
// per trainee, each sending a sync (5 fresh reviews, UUIDv7 ids, cards of that trainee's deck) then Today, again
// and again, in two runs after a short warm-up that is not counted:
//   - paced (the target): each trainee one request every BENCH_LOAD_PACE_MS (default 3 s: a sync every 6 s, ten
//     times what a trainee drilling fast sends — the drill syncs after every ten answers), the trainees' turns
//     spread evenly over the interval; BENCH_LOAD_SECONDS long (default 20);
//   - flat out (capacity, no target): every connection sends its next request as soon as the last is answered.
// Each run stops by itself at its time or after LOAD_PER_CONNECTION requests per connection, and is killed if it
// outlives that by 30 s. Every response counts: non-2xx answers, socket errors and timeouts are errors, and so is a
// sync whose reviews were not all accepted. Latency percentiles are computed from every response's own time.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { issueAccessToken } from '../../src/lib/server/auth/tokens';
import { ensureBuild } from './bundle';
import { onCleanup, removeDirLater, run as cleanupRun, runChild } from './cleanup';
import { startHashi } from './grading';
import { detail, ms, percentile, type Row } from './report';

const TRAINEES = 200;
const CARDS = 20;
const BATCH = 5;
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS || 20);
/** Each trainee sends one request (a sync or Today, in turn) every PACE_MS. */
const PACE_MS = Number(process.env.BENCH_LOAD_PACE_MS || 3000);
const CAPACITY_SECONDS = 10;
const LOAD_PER_CONNECTION = 400;
const WARM_SECONDS = 3;
const TARGET_P95_MS = 300;
const PASSWORD = 'bench-hashi-2026';

interface ClientResult {
	requests: { total: number; average: number; sent: number };
	errors: number;
	timeouts: number;
	non2xx: number;
	duration: number;
	statuses: Record<string, number>;
	unaccepted: number;
	latencies: { sync: number[]; today: number[] };
}

async function admin(url: string, statement: string): Promise<void> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		await client.query(statement); // the name is ours, not input
	} finally {
		await client.end();
	}
}

/** 200 trainees of the demo cohort KAGAWA27 with 20 cards each and a signed-in session; their cookies. */
async function makeTrainees(databaseUrl: string, origin: string): Promise<{ cookie: string; cards: string[] }[]> {
	const client = new pg.Client({ connectionString: databaseUrl });
	await client.connect();
	try {
		await client.query('begin');
		const cards = (
			await client.query<{ id: string }>(
				`select c.id from public.content_cards c
				 join public.content_lessons l on l.id = c.lesson_id join public.content_units u on u.id = l.unit_id
				 where u.track_id = 'caregiving' order by u.position, l.position, c.position limit $1`,
				[CARDS]
			)
		).rows.map((r) => r.id);
		if (cards.length < CARDS) throw new Error(`the content build has only ${cards.length} caregiving cards`);
		// The columns users.createUser fills, with one bcrypt hash for all (see the top of this file).
		const users = (
			await client.query<{ id: string; email: string }>(
				`with hash as (select extensions.crypt($1, extensions.gen_salt('bf', 10)) as h)
				 insert into auth.users (
					instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data,
					confirmation_token, recovery_token, email_change_token_new, email_change, created_at, updated_at)
				 select '00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated',
					'bench-load-' || n || '@example.test', hash.h, now(),
					jsonb_build_object('provider', 'email', 'providers', jsonb_build_array('email')),
					jsonb_build_object('display_name', 'Peserta Beban ' || n, 'locale', 'id'), '', '', '', '', now(), now()
				 from generate_series(1, $2::int) as n, hash
				 returning id, email`,
				[PASSWORD, TRAINEES]
			)
		).rows;
		for (const user of users) {
			// As sign-up enrols (src/lib/server/auth/cohort-invites.ts): the SQL function, as that user.
			await client.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ sub: user.id, role: 'authenticated' })]);
			await client.query(`select public.join_cohort('KAGAWA27')`);
		}
		await client.query(`select set_config('request.jwt.claims', '', true)`);
		await client.query('insert into public.deck_cards (user_id, card_id) select u, c from unnest($1::uuid[]) as u, unnest($2::text[]) as c', [
			users.map((u) => u.id),
			cards
		]);
		const sessions = (
			await client.query<{ id: string; user_id: string }>(
				`insert into auth.sessions (id, user_id, created_at, updated_at, user_agent)
				 select gen_random_uuid(), u, now(), now(), 'hashi-bench' from unnest($1::uuid[]) as u returning id, user_id`,
				[users.map((u) => u.id)]
			)
		).rows;
		await client.query('commit');
		const byUser = new Map(sessions.map((s) => [s.user_id, s.id]));
		return Promise.all(
			users.map(async (user) => {
				const token = await issueAccessToken({ id: user.id, email: user.email, phone: null }, byUser.get(user.id)!, `${origin}/auth/v1`);
				return { cookie: `hashi_access=${token}`, cards };
			})
		);
	} catch (error) {
		await client.query('rollback').catch(() => {});
		throw error;
	} finally {
		await client.end();
	}
}

/**
 * What the server's database sessions are doing while a run lasts, sampled every 250 ms from pg_stat_activity:
 * where requests wait when the figures are slow (a lock, the WAL flush, the CPU).
 */
function sampleWaits(base: string, database: string): { stop: () => Promise<string> } {
	const counts = new Map<string, number>();
	let samples = 0;
	let running = true;
	const client = new pg.Client({ connectionString: base });
	const done = (async () => {
		await client.connect();
		try {
			while (running) {
				const { rows } = await client.query<{ what: string }>(
					`select coalesce(wait_event_type || '/' || wait_event, 'on CPU') || ' in "' ||
						array_to_string((regexp_split_to_array(trim(query), '\\s+'))[1:3], ' ') || '…"' as what
					 from pg_stat_activity where datname = $1 and state = 'active' and pid <> pg_backend_pid()`,
					[database]
				);
				samples++;
				for (const { what } of rows) counts.set(what, (counts.get(what) ?? 0) + 1);
				await new Promise((resolve) => setTimeout(resolve, 250));
			}
		} finally {
			await client.end();
		}
	})();
	return {
		async stop() {
			running = false;
			await done.catch(() => {});
			const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 4);
			return top.map(([what, n]) => `${what}: ${(n / Math.max(1, samples)).toFixed(1)}`).join('; ') || 'none active';
		}
	};
}

async function drive(url: string, trainees: { cookie: string; cards: string[] }[], seconds: number, paceMs: number, dir: string, name: string): Promise<ClientResult> {
	const file = join(dir, `${name}.json`);
	writeFileSync(file, JSON.stringify({ url, duration: seconds, perConnection: LOAD_PER_CONNECTION, batch: BATCH, paceMs, trainees }));
	const output = await runChild(`load generator (${name})`, process.execPath, ['scripts/bench/load-client.mjs', file], (seconds + 30) * 1000);
	const line = output.trim().split('\n').filter((l) => l.startsWith('{')).pop();
	if (!line) throw new Error(`the load generator printed no result:\n${output}`);
	return JSON.parse(line) as ClientResult;
}

export async function run(): Promise<Row[]> {
	const base = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
	if (!base) {
		detail('Skipped: set TEST_DATABASE_URL or BENCH_DATABASE_URL (a PostgreSQL server) to measure it.');
		return [{ figure: 'Load: 200 trainees, PostgreSQL server', value: 'skipped', target: 'set TEST_DATABASE_URL', ok: null }];
	}
	await ensureBuild();
	const name = `hashi_load_${process.pid}_${Date.now().toString(36)}`;
	await admin(base, `create database ${name}`);
	const drop = onCleanup(`database ${name}`, () => admin(base, `drop database if exists ${name} with (force)`));
	const target = new URL(base);
	target.pathname = `/${name}`;
	const dir = mkdtempSync(join(tmpdir(), 'hashi-load-'));
	removeDirLater(dir);
	const secret = randomBytes(48).toString('base64url');
	const { url, server } = await startHashi({ DATABASE_URL: target.toString(), SEED_DEMO: '1', AUTH_SECRET: secret });
	try {
		// tokens.ts signs with AUTH_SECRET, read once: this process signs as the server does.
		const previous = process.env.AUTH_SECRET;
		process.env.AUTH_SECRET = secret;
		const made = Date.now();
		const trainees = await makeTrainees(target.toString(), url);
		if (previous === undefined) delete process.env.AUTH_SECRET;
		else process.env.AUTH_SECRET = previous;
		detail(`${TRAINEES} trainees in cohort KAGAWA27, ${CARDS} cards each, signed in: ${((Date.now() - made) / 1000).toFixed(1)} s`);

		await drive(url, trainees, WARM_SECONDS, PACE_MS, dir, 'warm-up');
		let waits = sampleWaits(base, name);
		const paced = await drive(url, trainees, SECONDS, PACE_MS, dir, 'paced');
		const pacedWaits = await waits.stop();
		if (cleanupRun.stopping) return [];
		// Then as fast as the server answers: every connection sends its next request on the last one's response.
		waits = sampleWaits(base, name);
		const flat = await drive(url, trainees, CAPACITY_SECONDS, 0, dir, 'capacity');
		const flatWaits = await waits.stop();
		if (cleanupRun.stopping) return [];

		const stats = (values: number[]) =>
			`p50 ${ms(percentile(values, 50), 0)}, p95 ${ms(percentile(values, 95), 0)}, p99 ${ms(percentile(values, 99), 0)} (n=${values.length})`;
		const errorsOf = (r: ClientResult) => r.non2xx + r.errors + r.timeouts + r.unaccepted;
		const describe = (r: ClientResult, what: string) => {
			detail(`${what}: ${r.requests.total} responses in ${r.duration} s, ${r.requests.average.toFixed(0)} requests/s`);
			detail(`  sync (${BATCH} reviews): ${stats(r.latencies.sync)}`);
			detail(`  Today: ${stats(r.latencies.today)}`);
			detail(`  all: ${stats([...r.latencies.sync, ...r.latencies.today])}`);
			detail(`  statuses: ${Object.entries(r.statuses).map(([k, n]) => `${k}: ${n}`).join(', ')}`);
			detail(`  errors: ${r.non2xx} non-2xx, ${r.errors} socket errors, ${r.timeouts} timeouts, ${r.unaccepted} syncs not fully accepted`);
		};
		describe(paced, `Paced, each trainee a request every ${PACE_MS} ms (sync and Today in turn; ${Math.round((TRAINEES * 1000) / PACE_MS)} requests/s offered)`);
		detail(`  database sessions busy, on average (pool of 10): ${pacedWaits}`);
		describe(flat, 'Flat out (capacity), each connection its next request as soon as the last is answered');
		detail(`  database sessions busy, on average (pool of 10): ${flatWaits}`);
		if (errorsOf(paced) + errorsOf(flat) > 0) detail(`Server output (last lines):\n${server.output().split('\n').slice(-15).join('\n')}`);
		const all = [...paced.latencies.sync, ...paced.latencies.today];
		const capacity = [...flat.latencies.sync, ...flat.latencies.today];
		const p95 = percentile(all, 95);
		return [
			{ figure: `Load: ${TRAINEES} trainees, a sync or Today each every ${PACE_MS / 1000} s: requests/s`, value: paced.requests.average.toFixed(0), target: '', ok: null },
			{ figure: '  … latency p50 / p99', value: `${ms(percentile(all, 50), 0)} / ${ms(percentile(all, 99), 0)}`, target: '', ok: null },
			{ figure: '  … latency p95', value: ms(p95, 0), target: `< ${TARGET_P95_MS} ms`, ok: p95 < TARGET_P95_MS },
			{ figure: '  … errors (non-2xx, socket, timeouts, refused reviews)', value: String(errorsOf(paced)), target: '0', ok: errorsOf(paced) === 0 },
			{ figure: `Load flat out, ${TRAINEES} connections (capacity): requests/s`, value: flat.requests.average.toFixed(0), target: '', ok: null },
			{ figure: '  … latency p50 / p95 / p99', value: `${ms(percentile(capacity, 50), 0)} / ${ms(percentile(capacity, 95), 0)} / ${ms(percentile(capacity, 99), 0)}`, target: '', ok: null },
			{ figure: '  … errors', value: String(errorsOf(flat)), target: '0', ok: errorsOf(flat) === 0 }
		];
	} finally {
		await server.stop();
		await drop();
	}
}
