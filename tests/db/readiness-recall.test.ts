// The readiness query sums each trainee's projected recall in SQL (src/lib/server/readiness). These tests hold
// that sum to the TypeScript model's (deckRecall over the card list, as the model computed it before) on varied
// schedules: every learning phase, long and short stabilities, cards in the deck never studied, core cards not in
// the deck, a card from another track, fitted weights with their own decay (one beyond ts-fsrs's clamp), a
// projection date in the future and one that is now.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from './engines';
import { buildWorld, claimsFor, createUser, type World } from './fixtures';
import type { Engine } from '../../src/lib/server/db/types';
import { adoptEngine } from '../../src/lib/server/db/connection';
import * as readiness from '../../src/lib/server/readiness';
import { assessCohort } from '../../src/lib/server/readiness';
import { assess, departure, type ReadinessInput } from '../../src/lib/readiness';
import { deckRecall } from '../../src/lib/readiness/components';
import { DEFAULT_STUDY_SETTINGS, type ScheduleState, type StudySettings } from '../../src/lib/scheduling';
import { finalState, seededRandom, simulateStudy } from '../../src/lib/scheduling/fixtures';

const NOW = new Date();
const DAY = 86_400_000;
const inDays = (days: number) => new Date(NOW.getTime() + days * DAY).toISOString().slice(0, 10);
const CORE = 60;

// ts-fsrs's default weights with another decay (w[20]); 0.95 is beyond its clamp (0.1–0.8), which ts-fsrs applies.
const DEFAULT_W = [0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658];
const PERSONAL = { fitted: [...DEFAULT_W, 0.4231], clamped: [...DEFAULT_W, 0.95] } as const;

interface Trainee {
	id: string;
	weights: readonly number[] | null;
	/** Schedule per core card index; undefined = not in the deck, null = in the deck, never studied. */
	deck: Map<number, ScheduleState | null>;
}

/** Schedules as the device derives them: random review histories graded with ts-fsrs, ending before NOW. */
function schedules(seed: number, settings: StudySettings): ScheduleState[] {
	const start = new Date(NOW.getTime() - 400 * DAY);
	return simulateStudy({ seed, cards: CORE, reviewsPerCard: [1, 12], start, settings })
		.map(finalState)
		.map((state) => (Date.parse(state.last_review ?? '') > NOW.getTime() ? { ...state, last_review: new Date(NOW.getTime() - DAY / 3).toISOString() } : state));
}

function settingsOf(weights: readonly number[] | null): StudySettings {
	return { ...DEFAULT_STUDY_SETTINGS, ...(weights ? { weights } : {}) };
}

describe.each(testEngines)('projected recall summed in SQL on $name', (testEngine) => {
	let engine: Engine;
	let world: World;
	const trainees: Trainee[] = [];
	beforeAll(async () => {
		engine = await testEngine.open();
		world = await buildWorld(engine);
		adoptEngine(engine);
		await engine.transaction(async (sql) => {
			await sql.query(`insert into content_tracks (id, position, sector, title, description) values ('care', 1, 'caregiving', '{}', '{}')`);
			await sql.query(`insert into content_units (id, track_id, position, title, can_do) values ('cu1', 'care', 0, '{}', '[]')`);
			await sql.query(`insert into content_lessons (id, unit_id, position, title) values ('cl1', 'cu1', 0, '{}')`);
			await sql.query(
				`insert into content_cards (id, lesson_id, position, term, reading, meaning, part_of_speech, sectors, scenes, examples)
				 select 'core-' || n, 'cl1', n, '介護', 'かいご', '{}', 'noun', '{caregiving}', '{}', '[]' from generate_series(0, $1::int - 1) n`,
				[CORE]
			);
			const random = seededRandom(42);
			const plans: { weights: readonly number[] | null; seed: number }[] = [
				{ weights: null, seed: 1 },
				{ weights: PERSONAL.fitted, seed: 2 },
				{ weights: PERSONAL.clamped, seed: 3 },
				{ weights: null, seed: 4 }
			];
			for (const [i, plan] of plans.entries()) {
				const id = i === 0 ? world.users.traineeA.id : await createUser(sql, `recall${i}@example.test`);
				if (i > 0) {
					await sql.query(`insert into center_memberships (center_id, user_id, role) values ($1, $2, 'trainee')`, [world.centers.c1, id]);
					await sql.query('insert into cohort_members (cohort_id, user_id) values ($1, $2)', [world.cohorts.C1, id]);
				}
				if (plan.weights) await sql.query('insert into study_preferences (user_id, fsrs_weights) values ($1, $2)', [id, plan.weights]);
				const states = schedules(plan.seed, settingsOf(plan.weights));
				const deck = new Map<number, ScheduleState | null>();
				for (let n = 0; n < CORE; n++) {
					const roll = random();
					// The last trainee has only a few cards, never studied: a deck that projects to 0.
					if (i === 3) {
						if (n < 5) deck.set(n, null);
					} else if (roll < 0.1) continue; // not in the deck yet
					else if (roll < 0.2) deck.set(n, null);
					else deck.set(n, states[n]!);
				}
				for (const [n, state] of deck) {
					// As a fixture would write it: the schedule only (the migration's trigger fills the columns).
					await sql.query('insert into deck_cards (user_id, card_id, schedule) values ($1, $2, $3)', [id, `core-${n}`, state ? JSON.stringify(state) : null]);
				}
				trainees.push({ id, weights: plan.weights, deck });
			}
			// A card outside the sector track, studied: not part of the core deck.
			await sql.query('insert into deck_cards (user_id, card_id, schedule) values ($1, $2, $3)', [world.users.traineeA.id, 'c2', JSON.stringify(schedules(9, DEFAULT_STUDY_SETTINGS)[0])]);
		});
	});
	afterAll(() => testEngine.dispose(engine));

	/** The model as it ran before: every core card's schedule (null when never studied or not in the deck). */
	function expected(trainee: Trainee, at: Date) {
		const cards: (ScheduleState | null)[] = Array.from({ length: CORE }, (_, n) => trainee.deck.get(n) ?? null);
		return deckRecall({ schedules: cards, settings: settingsOf(trainee.weights) }, at);
	}

	for (const [label, days] of [['departing in 75 days', 75], ['departed 3 days ago (projected to now)', -3]] as const) {
		it(`matches the TypeScript model card by card, ${label}`, async () => {
			await engine.transaction((sql) => sql.query('update cohorts set departure_date = $2 where id = $1', [world.cohorts.C1, inDays(days)]));
			const at = departure(inDays(days), NOW).projectAt;
			const result = await readiness.forCohort(claimsFor(world.users.instructor1), world.cohorts.C1, NOW);
			expect(result).toHaveLength(trainees.length);
			for (const trainee of trainees) {
				const want = expected(trainee, at);
				const got = result.find((t) => t.traineeId === trainee.id)!.readiness;
				expect(got.components.recall.value).not.toBeNull();
				expect(Math.abs(got.components.recall.value! - want.value!)).toBeLessThan(1e-9);
				const reason = got.reasons.find((r) => r.code === 'projected_recall_low' || r.code === 'projected_recall_good');
				if (reason?.code === 'projected_recall_low') expect({ studied: reason.studied, of: reason.of }).toEqual({ studied: want.studied, of: want.of });
			}
			// The decks differ enough for the check to mean something: personal decay moves the figure.
			const values = result.map((t) => t.readiness.components.recall.value!);
			expect(new Set(values.map((v) => v.toFixed(6))).size).toBe(trainees.length);
			expect(result.find((t) => t.traineeId === trainees[3]!.id)!.readiness.components.recall.value).toBe(0);
		});
	}

	it('gives the whole assessment the card-by-card model gives', async () => {
		await engine.transaction((sql) => sql.query('update cohorts set departure_date = $2 where id = $1', [world.cohorts.C1, inDays(40)]));
		const [fromSql] = await engine.transaction((sql) => assessCohort(sql, world.cohorts.C1, NOW, 420, trainees[1]!.id));
		const trainee = trainees[1]!;
		const input: ReadinessInput = {
			cohort: { targetExam: 'jft_basic', departureDate: inDays(40) },
			mockTests: [],
			coreDeck: { schedules: Array.from({ length: CORE }, (_, n) => trainee.deck.get(n) ?? null), settings: settingsOf(trainee.weights) },
			lessons: { culture: { done: 0, available: 0 }, protection: { done: 0, available: 0 } },
			activity: { daysStudied: 0, reviews: 0, minutes: 0 }
		};
		const model = assess(input, NOW);
		expect(fromSql!.readiness.level).toBe(model.level);
		expect(fromSql!.readiness.reasons.map((r) => r.code)).toEqual(model.reasons.map((r) => r.code));
		expect(Math.abs(fromSql!.readiness.score - model.score)).toBeLessThan(1e-9);
	});

	it("gives one trainee's entry alone, the same as in the cohort's list", async () => {
		const claims = claimsFor(world.users.instructor1);
		const all = await readiness.forCohort(claims, world.cohorts.C1, NOW);
		const one = await readiness.forMember(claims, world.cohorts.C1, trainees[2]!.id, NOW);
		expect(one).toEqual(all.find((t) => t.traineeId === trainees[2]!.id));
		// Another cohort's instructor gets nothing.
		expect(await readiness.forMember(claimsFor(world.users.instructor2), world.cohorts.C1, trainees[2]!.id, NOW)).toBeNull();
	});

	/** Every trainee's recall as the instructor's dashboard gets it, against the model on the decks as they are now. */
	async function expectModel(days: number) {
		const at = departure(inDays(days), NOW).projectAt;
		const result = await readiness.forCohort(claimsFor(world.users.instructor1), world.cohorts.C1, NOW);
		for (const trainee of trainees) {
			const got = result.find((t) => t.traineeId === trainee.id)!.readiness.components.recall.value!;
			expect(Math.abs(got - expected(trainee, at).value!)).toBeLessThan(1e-9);
		}
		return result;
	}
	const keptRows = () => engine.transaction((sql) => sql.query<{ user_id: string }>('select user_id from deck_recall_sums order by user_id'));

	it('keeps the sums it computed, and never serves one that is no longer true', async () => {
		await engine.transaction((sql) => sql.query('update cohorts set departure_date = $2 where id = $1', [world.cohorts.C1, inDays(50)]));
		await expectModel(50);
		expect((await keptRows()).length).toBe(trainees.length);
		const before = await expectModel(50); // from the kept sums

		// A sync rewrites one trainee's schedules: theirs is forgotten, the others' stay.
		const trainee = trainees[0]!;
		const [n, state] = [...trainee.deck].find(([, s]) => s !== null)!;
		const later: ScheduleState = { ...state!, stability: state!.stability * 3, last_review: new Date(NOW.getTime() - DAY).toISOString() };
		trainee.deck.set(n, later);
		await engine.transaction((sql) => sql.query(`update deck_cards set schedule = $3 where user_id = $1 and card_id = $2`, [trainee.id, `core-${n}`, JSON.stringify(later)]));
		expect((await keptRows()).map((r) => r.user_id)).not.toContain(trainee.id);
		const after = await expectModel(50);
		const value = (list: typeof after) => list.find((t) => t.traineeId === trainee.id)!.readiness.components.recall.value;
		expect(value(after)).not.toBe(value(before));

		// New fitted weights: another curve, so the kept sum does not answer.
		trainee.weights = PERSONAL.fitted;
		await engine.transaction((sql) => sql.query('insert into study_preferences (user_id, fsrs_weights) values ($1, $2)', [trainee.id, PERSONAL.fitted]));
		await expectModel(50);

		// A core card retired: it leaves every deck's count.
		await engine.transaction((sql) => sql.query(`update content_cards set retired_at = now() where id = 'core-${CORE - 1}'`));
		expect(await keptRows()).toEqual([]);
		const result = await readiness.forCohort(claimsFor(world.users.instructor1), world.cohorts.C1, NOW);
		const reason = result.flatMap((t) => t.readiness.reasons).find((r) => r.code === 'projected_recall_low');
		if (reason?.code === 'projected_recall_low') expect(reason.of).toBe(CORE - 1);
		await engine.transaction((sql) => sql.query(`update content_cards set retired_at = null where id = 'core-${CORE - 1}'`));
		await expectModel(50);
	});

	it('gives the readiness job, as the owner, the same sums; keeps none for a caller who may not see the trainees', async () => {
		await engine.transaction((sql) => sql.query('delete from deck_recall_sums where true'));
		const asOwner = await engine.transaction((sql) => assessCohort(sql, world.cohorts.C1, NOW));
		const asInstructor = await readiness.forCohort(claimsFor(world.users.instructor1), world.cohorts.C1, NOW);
		expect(asOwner.map((t) => t.readiness.components.recall.value)).toEqual(asInstructor.map((t) => t.readiness.components.recall.value));

		await engine.transaction((sql) => sql.query('delete from deck_recall_sums where true'));
		const ids = trainees.map((t) => t.id);
		await engine.transaction(async (sql) => {
			await sql.query(`select set_config('request.jwt.claims', $1, true), set_config('role', 'authenticated', true)`, [JSON.stringify(claimsFor(world.users.instructor2))]);
			await sql.query('select public.refresh_deck_recall($1, $2, $3, $4, $5)', ['caregiving', NOW.getTime(), ids, ids.map(() => -0.1542), ids.map(() => 0.5)]);
		});
		expect(await keptRows()).toEqual([]);
	});

	it('keeps the columns the sum reads equal to the schedule, whoever writes it', async () => {
		const state = trainees[0]!.deck.get([...trainees[0]!.deck].find(([, s]) => s !== null)![0])!;
		const rows = await engine.transaction(async (sql) => {
			await sql.query(`update deck_cards set schedule = $2 where user_id = $1 and card_id = 'core-0'`, [trainees[0]!.id, JSON.stringify(state)]);
			return sql.query<{ stability: number; last: string; phase: number }>(
				`select stability, to_char(last_reviewed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as last, fsrs_state as phase
				 from deck_cards where user_id = $1 and card_id = 'core-0'`,
				[trainees[0]!.id]
			);
		});
		expect(rows[0]).toEqual({
			stability: state.stability,
			last: new Date(state.last_review!).toISOString(),
			phase: { New: 0, Learning: 1, Review: 2, Relearning: 3 }[state.state]
		});
	});
});
