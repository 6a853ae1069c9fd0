import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { testEngines } from './engines';
import { buildWorld, claimsFor, type World } from './fixtures';
import type { Claims, Engine } from '../../src/lib/server/db/types';
import { adoptEngine } from '../../src/lib/server/db/connection';
import { syncReviews } from '../../src/lib/server/study/sync';
import { settingsFor } from '../../src/lib/server/study/preferences';
import { maybeFitParameters } from '../../src/lib/server/study/optimizer';
import {
	DEFAULT_STUDY_SETTINGS,
	grade,
	replay,
	retrievability,
	type Rating,
	type Review,
	type ScheduleState
} from '../../src/lib/scheduling';

const DAY_MS = 86_400_000;
const START = Date.parse('2026-09-01T00:00:00Z');
const NOW = new Date(START + 61 * DAY_MS);
const CARDS = Array.from({ length: 150 }, (_, i) => `fit-${String(i).padStart(3, '0')}`);

type Logged = Review & { mode: 'recognition' };

/** A trainee's 60 days: due cards each morning, recalled as likely as FSRS says, then 6 new cards seen twice. */
function sixtyDays(): Logged[] {
	let seed = 20261124;
	const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
	const states = new Map<string, ScheduleState>();
	const log: Logged[] = [];
	let clock = 0;
	const answer = (cardId: string, rating: Rating) => {
		const at = new Date(clock);
		states.set(cardId, grade(states.get(cardId) ?? null, rating, at));
		log.push({ id: randomUUID(), cardId, rating, reviewedAt: at.toISOString(), durationMs: 6000, mode: 'recognition' });
		clock += 20_000;
	};
	for (let day = 0; day < 60; day++) {
		clock = START + day * DAY_MS + 8 * 3_600_000;
		for (const [cardId, state] of [...states].filter(([, s]) => Date.parse(s.due) <= clock)) {
			const recalled = random() < retrievability(state, new Date(clock));
			answer(cardId, recalled ? (([2, 3, 3, 3, 3, 3, 4] as const)[Math.floor(random() * 7)] ?? 3) : 1);
		}
		const fresh = CARDS.slice(day * 6, day * 6 + 6);
		for (const cardId of fresh) answer(cardId, random() < 0.25 ? 1 : 3);
		clock += 10 * 60_000; // the 10-minute learning step
		for (const cardId of fresh) answer(cardId, 3);
	}
	return log;
}

// fsrs-rs on a history with no review a day or more after the one before: a Rust panic that aborts the process.
const PANICKING_WORKER = `import { createRequire } from 'node:module';
const fsrs = createRequire(import.meta.url)(process.argv[1]);
const item = (...days) => new fsrs.FSRSBindingItem(days.map((d) => new fsrs.FSRSBindingReview(3, d)));
await fsrs.computeParameters([item(0, 0), ...Array.from({ length: 10 }, () => item(0, 1))], { enableShortTerm: true });
process.stdout.write(JSON.stringify(Array(21).fill(1)));`;

describe.each(testEngines)('fitting personal FSRS parameters on $name', (testEngine) => {
	let engine: Engine;
	let world: World;
	let trainee: Claims;
	const history = sixtyDays();

	const store = (reviews: Logged[]) =>
		engine.transaction((sql) =>
			sql.query(
				`insert into review_logs (id, user_id, card_id, rating, reviewed_at, duration_ms, mode)
				 select r.id, $1, r."cardId", r.rating, r."reviewedAt", r."durationMs", r.mode
				 from jsonb_to_recordset($2::jsonb) as r(id uuid, "cardId" text, rating smallint, "reviewedAt" timestamptz,
					"durationMs" int, mode text)`,
				[trainee.sub, JSON.stringify(reviews)]
			)
		);
	const preferences = async () =>
		(
			await engine.transaction((sql) =>
				sql.query<{ weights: number[] | null; fitted_at: string | null; fitted_on: number | null }>(
					`select fsrs_weights as weights, weights_fitted_at::text as fitted_at, weights_fitted_on_reviews as fitted_on
					 from study_preferences where user_id = $1`,
					[trainee.sub]
				)
			)
		)[0] ?? null;

	beforeAll(async () => {
		engine = await testEngine.open();
		world = await buildWorld(engine);
		trainee = claimsFor(world.users.traineeA);
		await engine.transaction(async (sql) => {
			await sql.query(
				`insert into content_cards (id, lesson_id, position, term, reading, meaning, part_of_speech, sectors, scenes, examples)
				 select id, 'l1', 10 + n, '言葉', 'ことば', '{}', 'noun', '{}', '{}', '[]' from unnest($1::text[]) with ordinality as c(id, n)`,
				[CARDS]
			);
			await sql.query('insert into deck_cards (user_id, card_id) select $1, unnest($2::text[])', [trainee.sub, CARDS]);
		});
		adoptEngine(engine);
	});
	afterEach(() => {
		vi.restoreAllMocks();
	});
	afterAll(() => testEngine.dispose(engine));

	it('has a realistic history to fit', () => {
		expect(history.length).toBeGreaterThan(651);
		expect(Date.parse(history.at(-1)!.reviewedAt)).toBeLessThan(NOW.getTime());
	});

	it('fits nothing below 400 reviews', async () => {
		await store(history.slice(0, 399));
		expect(await maybeFitParameters(trainee.sub)).toBeNull();
		expect(await preferences()).toBeNull();
		expect((await settingsFor(trainee)).scheduling.weights).toBeUndefined();
	});

	it('fits the trainee’s own parameters in the background once a sync brings them to 400', async () => {
		const started = Date.now();
		const result = await syncReviews(trainee, { reviews: history.slice(399, 450) }, NOW);
		expect(result.accepted).toHaveLength(51);
		let saved = await preferences();
		while (!saved?.fitted_at && Date.now() - started < 15_000) {
			await new Promise((resolve) => setTimeout(resolve, 50));
			saved = await preferences();
		}
		expect(saved).toMatchObject({ fitted_on: 450, fitted_at: expect.any(String) });
		expect(saved!.weights).toHaveLength(21);
		expect(saved!.weights!.every(Number.isFinite)).toBe(true);
		expect((await settingsFor(trainee)).scheduling.weights).toEqual(saved!.weights);
	});

	it('replays with the fitted parameters from then on', async () => {
		const { weights } = (await preferences())!;
		const next = history[450]!;
		const result = await syncReviews(trainee, { reviews: [next] }, NOW);
		const log = history.slice(0, 451).filter((review) => review.cardId === next.cardId);
		expect(result.schedules[next.cardId]).toEqual(replay(log, { ...DEFAULT_STUDY_SETTINGS, weights: weights! }));
		expect(result.schedules[next.cardId]).not.toEqual(replay(log));
	});

	it('fits again only after 200 more reviews; an optimizer that panics leaves the weights as they were', async () => {
		const before = (await preferences())!;
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		await store(history.slice(451, 649));
		expect(await maybeFitParameters(trainee.sub, { workerSource: PANICKING_WORKER })).toBeNull();
		expect(warn).not.toHaveBeenCalled(); // 649 reviews: no fit due, so no child was run

		await store(history.slice(649, 650));
		expect(await maybeFitParameters(trainee.sub, { workerSource: PANICKING_WORKER })).toBeNull();
		expect(warn).toHaveBeenCalledOnce();
		expect(warn.mock.calls[0]![0]).toMatch(/not fitted, current ones kept: the optimizer was stopped by SIGABRT/);
		expect(await preferences()).toEqual({ ...before, fitted_on: 650 }); // tried, and not again before 850
		expect(await maybeFitParameters(trainee.sub, { workerSource: PANICKING_WORKER })).toBeNull();
		expect(warn).toHaveBeenCalledOnce();
	});

	it.each([
		['hangs', 'setInterval(() => {}, 1000);', /did not finish in 300 ms/],
		['fails', 'process.exit(1);', /exited with code 1/],
		['answers too few numbers', 'process.stdout.write("[1, 2, 3]");', /returned \[1, 2, 3\], not 21 parameters/],
		['answers garbage', 'process.stdout.write("parameters: 21");', /Unexpected token|not valid JSON/]
	])('keeps the weights when the optimizer %s', async (_, workerSource, reason) => {
		const before = (await preferences())!;
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		await engine.transaction((sql) =>
			sql.query('update study_preferences set weights_fitted_on_reviews = 450 where user_id = $1', [trainee.sub])
		);
		expect(await maybeFitParameters(trainee.sub, { workerSource, timeoutMs: 300 })).toBeNull();
		expect(warn).toHaveBeenCalledOnce();
		expect(warn.mock.calls[0]![0]).toMatch(reason);
		expect(await preferences()).toEqual(before);
	});
});
