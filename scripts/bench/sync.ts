// 3. Syncing 1,000 queued reviews: the server time of syncReviews (src/lib/server/study/sync.ts) for one batch
// of 1,000 reviews over 100 cards of one trainee — as a phone sends it after a long stretch offline.
//
// How: in this process, on a fresh database per engine (PGlite in memory, as tests/db/engines.ts opens it; the
// PostgreSQL server at BENCH_DATABASE_URL or TEST_DATABASE_URL in a database made for the run and dropped after),
// made the process's database with adoptEngine, as the tests do. The reviews are what the phone would have made:
// each card's answers follow the schedule `grade` (src/lib/scheduling) gives, ids are UUIDv7 stamped with the
// answer's time. Three runs, each into a new trainee (so each stores 1,000 new reviews), after one small warm-up
// batch; the figure is their median. Then the last batch is sent again, all duplicates. Each call is checked: 1,000
// accepted (or 1,000 duplicates) and the schedules equal to what the device computed.
// Where the time goes: every SQL statement is timed through a thin wrapper around the engine; the JS parts
// (zod validation, replaying the logs with ts-fsrs) are timed on their own with the same batch.
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { adoptEngine } from '../../src/lib/server/db/connection';
import { migrate } from '../../src/lib/server/db/migrate';
import { openPglite } from '../../src/lib/server/db/pglite';
import { openPostgres } from '../../src/lib/server/db/postgres';
import type { Claims, Engine, Sql } from '../../src/lib/server/db/types';
import { DEFAULT_STUDY_SETTINGS, grade, replayByCard, type Rating, type Review, type ScheduleState } from '../../src/lib/scheduling';
import { reviewShape } from '../../src/lib/server/study/batch';
import { syncReviews } from '../../src/lib/server/study/sync';
import { onCleanup } from './cleanup';
import { detail, median, ms, type Row } from './report';

const CARDS = 100;
const REVIEWS = 1000;
const RUNS = 3;
const TARGET_MS = 1000;
const DAY = 86_400_000;

interface TimedEngine {
	engine: Engine;
	/** SQL time by statement kind since the last reset. */
	spent: Map<string, number>;
}

function kindOf(text: string): string {
	if (/request\.jwt\.claims|set local role/.test(text)) return 'RLS set-up';
	if (/^\s*select card_id from deck_cards/.test(text)) return 'check cards owned';
	if (/^\s*insert into review_logs/.test(text)) return 'insert logs';
	if (/cohort_members/.test(text)) return 'read settings';
	if (/^\s*select id, card_id/.test(text)) return 'read logs';
	if (/update public\.deck_cards/.test(text)) return 'save schedules';
	return text.trim().slice(0, 30);
}

/** The engine with every statement timed; what syncReviews runs on (adopted as the process's database). */
function timed(engine: Engine): TimedEngine {
	const spent = new Map<string, number>();
	const wrap = (sql: Sql): Sql => ({
		async query(text, params) {
			const started = performance.now();
			try {
				return await sql.query(text, params);
			} finally {
				const kind = kindOf(text);
				spent.set(kind, (spent.get(kind) ?? 0) + performance.now() - started);
			}
		},
		exec: (script) => sql.exec(script)
	});
	return {
		spent,
		engine: { kind: engine.kind, close: () => engine.close(), transaction: (fn) => engine.transaction((sql) => fn(wrap(sql))) }
	};
}

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
	const name = `hashi_bench_${process.pid}_${Date.now().toString(36)}`;
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
	const host = new URL(url).host;
	return {
		name: `PostgreSQL server (${host})`,
		async open() {
			await admin(`create database ${name}`);
			drop = onCleanup(`database ${name}`, () => admin(`drop database if exists ${name} with (force)`));
			const target = new URL(url);
			target.pathname = `/${name}`;
			const engine = await openPostgres(target.toString()); // the app's own pool size
			await migrate(engine);
			return engine;
		},
		async dispose(engine) {
			await engine.close();
			await drop?.();
		}
	};
}

/** Deterministic pseudo-random numbers, so every run answers the same way. */
function random(seed: number): () => number {
	let s = seed >>> 0;
	return () => {
		s = (s + 0x6d2b79f5) >>> 0;
		let t = s;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function pick(r: number, weights: readonly [Rating, number][]): Rating {
	for (const [rating, weight] of weights) {
		if (r < weight) return rating;
		r -= weight;
	}
	return weights[weights.length - 1]![0];
}

type Entry = Review & { mode: 'recognition' | 'recall' | 'reading'; overridden: boolean };

/**
 * A trainee's offline stretch: 100 cards introduced ten a day from 60 days ago, ten answers each, each answer
 * when `grade` said the card was due (a little later, as people are), or earlier when that is still ahead.
 * Returned in answer order, as the phone's queue holds them.
 */
function offlineStretch(cardIds: readonly string[], now: Date, seed: number): { reviews: Entry[]; device: Record<string, ScheduleState> } {
	const next = random(seed);
	const perCard = REVIEWS / cardIds.length;
	const answers: Omit<Entry, 'id'>[] = [];
	const device: Record<string, ScheduleState> = {};
	cardIds.forEach((cardId, i) => {
		let at = now.getTime() - 60 * DAY + Math.floor(i / 10) * DAY + (i % 10) * 90_000 + 9 * 3_600_000;
		let state: ScheduleState | null = null;
		for (let n = 0; n < perCard; n++) {
			const learning: boolean = state === null || state.state === 'Learning' || state.state === 'Relearning';
			const rating = pick(next(), learning ? [[1, 0.2], [2, 0.1], [3, 0.65], [4, 0.05]] : [[1, 0.1], [2, 0.15], [3, 0.65], [4, 0.1]]);
			const reviewedAt = new Date(at).toISOString();
			state = grade(state, rating, reviewedAt, DEFAULT_STUDY_SETTINGS);
			answers.push({ cardId, rating, reviewedAt, durationMs: 2000 + Math.floor(next() * 8000), mode: n % 3 === 0 ? 'recall' : 'recognition', overridden: false });
			const due = Date.parse(state.due);
			const late = learning ? next() * 120_000 : next() * 8 * 3_600_000;
			const end = now.getTime() - 60_000;
			at = due + late < end ? due + late : at + (end - at) * (0.2 + 0.6 * next());
		}
		device[cardId] = state!;
	});
	answers.sort((a, b) => Date.parse(a.reviewedAt) - Date.parse(b.reviewedAt));
	const reviews = answers.map((a) => ({ id: uuidv7({ msecs: Date.parse(a.reviewedAt) }), ...a }));
	if (new Set(reviews.map((r) => r.id)).size !== reviews.length) throw new Error('generated review ids are not unique');
	return { reviews, device };
}

async function seedCurriculum(engine: Engine): Promise<{ cohortId: string; cardIds: string[] }> {
	const cardIds = Array.from({ length: CARDS }, (_, i) => `bench-c${String(i).padStart(3, '0')}`);
	const cohortId = await engine.transaction(async (sql) => {
		const [center] = await sql.query<{ id: string }>(`insert into public.training_centers (name, province) values ('LPK Bench', 'Jawa Barat') returning id`);
		const [cohort] = await sql.query<{ id: string }>(
			`insert into public.cohorts (center_id, name, sector, target_exam, destination_prefecture, invite_code)
			 values ($1, 'Bench', 'caregiving', 'jft_basic', 'Kagawa', 'BENCH001') returning id`,
			[center!.id]
		);
		await sql.query(`insert into public.content_tracks (id, position, title, description) values ('bench-t', 0, '{}', '{}')`);
		await sql.query(`insert into public.content_units (id, track_id, position, title, can_do) values ('bench-u', 'bench-t', 0, '{}', '[]')`);
		await sql.query(`insert into public.content_lessons (id, unit_id, position, title) values ('bench-l', 'bench-u', 0, '{}')`);
		await sql.query(
			`insert into public.content_cards (id, lesson_id, position, term, reading, meaning, part_of_speech, sectors, scenes, examples)
			 select id, 'bench-l', ord::int, '食事', 'しょくじ', '{"id": "makan"}', 'noun', '{caregiving}', '{}', '[]'
			 from unnest($1::text[]) with ordinality as t(id, ord)`,
			[cardIds]
		);
		return cohort!.id;
	});
	return { cohortId, cardIds };
}

/** A new trainee in the cohort with all 100 cards in the deck (two lessons' worth, ten times over). */
async function newTrainee(engine: Engine, cohortId: string, cardIds: readonly string[]): Promise<Claims> {
	const email = `bench-${randomUUID()}@example.test`;
	const id = await engine.transaction(async (sql) => {
		const [user] = await sql.query<{ id: string }>(
			`insert into auth.users (id, aud, role, email, encrypted_password, confirmation_token, recovery_token, email_change_token_new, email_change)
			 values (gen_random_uuid(), 'authenticated', 'authenticated', $1, '', '', '', '', '') returning id`,
			[email]
		);
		await sql.query(
			`insert into public.center_memberships (center_id, user_id, role) select center_id, $2, 'trainee' from public.cohorts where id = $1`,
			[cohortId, user!.id]
		);
		await sql.query('insert into public.cohort_members (cohort_id, user_id) values ($1, $2)', [cohortId, user!.id]);
		await sql.query('insert into public.deck_cards (user_id, card_id) select $1, unnest($2::text[])', [user!.id, cardIds]);
		return user!.id;
	});
	return { sub: id, role: 'authenticated', aud: 'authenticated', email };
}

function sameSchedules(a: Record<string, ScheduleState>, b: Record<string, ScheduleState>): boolean {
	const keys = Object.keys(b).sort();
	return JSON.stringify(keys) === JSON.stringify(Object.keys(a).sort()) && keys.every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

interface Measured {
	ms: number;
	spent: Map<string, number>;
	/** Background work syncReviews started (the FSRS parameter fit, a child process): ms until it was done. */
	background: number | null;
}

/** PIDs of this process's children right now (Linux /proc); the app's FSRS fit runs as one. */
function children(): number[] {
	const found: number[] = [];
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			if (ppid === process.pid) found.push(Number(name));
		} catch {
			// gone meanwhile
		}
	}
	return found;
}

/**
 * Waits until the work a sync left running in the background is done — the FSRS parameter fit after 400+ reviews:
 * a child process of this one, then a write — so it neither overlaps the next measured call nor outlives the bench.
 * `before` are the children that existed before the call (tsx's esbuild service): they are not waited for. A fit
 * still running after 30 s (the app's own limit is 20 s) is ended by its PID. Returns how long the background work
 * took, or null when none started.
 */
async function settle(engine: Engine, before: ReadonlySet<number>): Promise<number | null> {
	const started = performance.now();
	const fresh = () => children().filter((pid) => !before.has(pid));
	let seen = false;
	// The fit first claims its turn and reads the log in a transaction, then starts its process.
	while (!seen && performance.now() - started < 750) {
		seen = fresh().length > 0;
		if (!seen) await new Promise((resolve) => setTimeout(resolve, 10));
	}
	while (fresh().length > 0) {
		if (performance.now() - started > 30_000) {
			for (const pid of fresh()) process.kill(pid, 'SIGKILL');
			break;
		}
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
	const took = performance.now() - started;
	await new Promise((resolve) => setTimeout(resolve, 50)); // the fit's write follows its process's exit
	await engine.transaction((sql) => sql.query('select 1')); // on PGlite, this queues behind that write
	return seen ? took : null;
}

async function measureOn(target: Target, now: Date): Promise<{ fresh: Measured[]; duplicate: Measured; fitted: boolean; js: { validate: number; replay: number } }> {
	const raw = await target.open();
	const baseline = new Set(children());
	let fitted = false;
	try {
		const db = timed(raw);
		adoptEngine(db.engine);
		const { cohortId, cardIds } = await seedCurriculum(raw);

		// Warm-up: a few reviews into a throwaway trainee, so the figures are a running server's, not a cold start's.
		const warm = offlineStretch(cardIds.slice(0, 10), now, 99);
		await syncReviews(await newTrainee(raw, cohortId, cardIds), { reviews: warm.reviews.slice(0, 20) }, now); // < 400: no fit

		const fresh: Measured[] = [];
		let last: { claims: Claims; batch: ReturnType<typeof offlineStretch> } | undefined;
		for (let run = 0; run < RUNS; run++) {
			const claims = await newTrainee(raw, cohortId, cardIds);
			const batch = offlineStretch(cardIds, now, 1000 + run);
			db.spent.clear();
			const before = new Set(children());
			const started = performance.now();
			const result = await syncReviews(claims, { reviews: batch.reviews }, now);
			const took = performance.now() - started;
			const spent = new Map(db.spent); // before the background fit adds its own statements
			const background = await settle(raw, before);
			if (result.accepted.length !== REVIEWS || result.rejected.length > 0) {
				throw new Error(`run ${run + 1}: ${result.accepted.length} accepted, ${result.rejected.length} rejected (${result.rejected[0]?.reason ?? ''})`);
			}
			if (!sameSchedules(result.schedules, batch.device)) throw new Error(`run ${run + 1}: the server's schedules differ from the device's`);
			fresh.push({ ms: took, spent, background });
			last = { claims, batch };
		}

		db.spent.clear();
		const before = new Set(children());
		const started = performance.now();
		const again = await syncReviews(last!.claims, { reviews: last!.batch.reviews }, now);
		const duplicate = { ms: performance.now() - started, spent: new Map(db.spent), background: await settle(raw, before) };
		if (again.accepted.length !== 0 || again.duplicates.length !== REVIEWS) {
			throw new Error(`re-send: ${again.accepted.length} accepted, ${again.duplicates.length} duplicates (expected 0 and ${REVIEWS})`);
		}
		// If the first send's fit saved the trainee's own FSRS weights, the replay now uses them.
		const [prefs] = await raw.transaction((sql) =>
			sql.query<{ weights: number[] | null }>('select fsrs_weights as weights from public.study_preferences where user_id = $1', [last!.claims.sub])
		);
		const weights = prefs?.weights ?? null;
		const expected = weights
			? Object.fromEntries(replayByCard(last!.batch.reviews, { ...DEFAULT_STUDY_SETTINGS, weights }))
			: last!.batch.device;
		if (!sameSchedules(again.schedules, expected)) throw new Error(`re-send: the server's schedules differ from a replay of the log`);
		fitted = weights !== null;

		// The JS parts on their own, with the same batch: validation (zod) and replaying 100 logs of 10.
		const reviews = last!.batch.reviews;
		const validate: number[] = [];
		const replay: number[] = [];
		for (let i = 0; i < 3; i++) {
			let t = performance.now();
			const shape = reviewShape(now);
			for (const r of reviews) shape.safeParse(r);
			validate.push(performance.now() - t);
			t = performance.now();
			replayByCard(reviews, DEFAULT_STUDY_SETTINGS);
			replay.push(performance.now() - t);
		}
		return { fresh, duplicate, fitted, js: { validate: median(validate), replay: median(replay) } };
	} finally {
		// After a failure a background fit may still run: it is this process's child, ended by its PID.
		for (const pid of children()) if (!baseline.has(pid)) process.kill(pid, 'SIGKILL');
		await target.dispose(raw);
	}
}

function breakdown(measured: Measured, js: { validate: number; replay: number }): string {
	const parts = [...measured.spent].sort((a, b) => b[1] - a[1]).map(([kind, t]) => `${kind} ${t.toFixed(0)}`);
	const sql = [...measured.spent.values()].reduce((a, b) => a + b, 0);
	const rest = measured.ms - sql - js.validate - js.replay;
	return `${measured.ms.toFixed(0)} ms = SQL ${sql.toFixed(0)} (${parts.join(', ')}) + validate ~${js.validate.toFixed(0)} + replay ~${js.replay.toFixed(0)} + other ~${Math.max(0, rest).toFixed(0)}`;
}

export async function run(): Promise<Row[]> {
	const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
	const targets = [pglite, ...(url ? [postgresServer(url)] : [])];
	const now = new Date();
	const rows: Row[] = [];
	detail(`Batch: ${REVIEWS} reviews over ${CARDS} cards (${REVIEWS / CARDS} each, 60 days of answers), ${RUNS} runs into fresh trainees + 1 re-send.`);
	for (const target of targets) {
		const short = target === pglite ? 'PGlite' : 'PostgreSQL server';
		const { fresh, duplicate, fitted, js } = await measureOn(target, now);
		const mid = median(fresh.map((m) => m.ms));
		const middle = [...fresh].sort((a, b) => a.ms - b.ms)[1]!;
		detail('');
		detail(`${target.name}:`);
		detail(`  fresh runs: ${fresh.map((m) => ms(m.ms, 0)).join(', ')} → median ${ms(mid, 0)}`);
		detail(`  median run: ${breakdown(middle, js)}`);
		detail(`  re-send   : ${breakdown(duplicate, js)}`);
		const fits = fresh.map((m) => m.background).filter((t): t is number => t !== null);
		detail(
			fits.length
				? `  after each fresh send the app fits the trainee's FSRS parameters in the background (child process): ${fits.map((t) => ms(t, 0)).join(', ')}; not in the figures, waited out between runs${fitted ? '; weights saved' : '; no weights saved'}`
				: '  no background FSRS fit ran after the sends'
		);
		rows.push({ figure: `Sync 1,000 new reviews, ${short} (median of 3)`, value: ms(mid, 0), target: '< 1 s', ok: mid < TARGET_MS });
		rows.push({ figure: `Re-send same 1,000 (duplicates), ${short}`, value: ms(duplicate.ms, 0), target: '< 1 s', ok: duplicate.ms < TARGET_MS });
	}
	if (!url) {
		detail('');
		detail('PostgreSQL server: skipped (set TEST_DATABASE_URL or BENCH_DATABASE_URL to measure it).');
		rows.push({ figure: 'Sync 1,000 reviews, PostgreSQL server', value: 'skipped', target: 'set TEST_DATABASE_URL', ok: null });
	}
	return rows;
}
