import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from './engines';
import { buildWorld, claimsFor, type World } from './fixtures';
import type { Engine } from '../../src/lib/server/db/types';
import { adoptEngine } from '../../src/lib/server/db/connection';
import { BatchError, syncReviews } from '../../src/lib/server/study/sync';
import { grade, type Rating, type ScheduleState } from '../../src/lib/scheduling';
import { runAsUser } from '../../src/lib/server/db/rls';

const NOW = new Date('2026-11-24T12:00:00Z');
const at = (minutes: number) => new Date(NOW.getTime() - 3 * 86_400_000 + minutes * 60_000).toISOString();
let sequence = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++sequence).padStart(12, '0')}`;

function review(cardId: string, rating: Rating, minutes: number) {
	return { id: uuid(), cardId, rating, reviewedAt: at(minutes), durationMs: 4000, mode: 'recognition' as const };
}

/** What the phone computes, answer by answer. */
function onDevice(reviews: ReturnType<typeof review>[]): Record<string, ScheduleState> {
	const states: Record<string, ScheduleState> = {};
	for (const r of reviews) states[r.cardId] = grade(states[r.cardId] ?? null, r.rating, r.reviewedAt);
	return states;
}

describe.each(testEngines)('syncing reviews on $name', (testEngine) => {
	let engine: Engine;
	let world: World;
	const count = async (userId: string) =>
		(await engine.transaction((sql) => sql.query<{ n: number }>('select count(*)::int as n from review_logs where user_id = $1', [userId])))[0]!.n;

	beforeAll(async () => {
		engine = await testEngine.open();
		world = await buildWorld(engine); // trainee A has c1 in the deck
		await engine.transaction((sql) =>
			sql.query(`insert into deck_cards (user_id, card_id) values ($1, 'c2'), ($2, 'c1'), ($2, 'c2')`, [
				world.users.traineeA.id,
				world.users.traineeB.id
			])
		);
		adoptEngine(engine);
	});
	afterAll(() => testEngine.dispose(engine));

	const lesson = [
		review('c1', 3, 0), review('c2', 1, 1), review('c1', 3, 12), review('c2', 3, 13),
		review('c2', 3, 30), review('c1', 4, 60 * 24), review('c2', 2, 60 * 25), review('c1', 3, 60 * 60)
	];

	it('stores each review once and keeps the schedule the device computed', async () => {
		const a = claimsFor(world.users.traineeA);
		const result = await syncReviews(a, { reviews: lesson }, NOW);
		expect(result.accepted).toHaveLength(lesson.length);
		expect(result.rejected).toEqual([]);
		expect(result.schedules).toEqual(onDevice(lesson));
		const stored = await engine.transaction((sql) =>
			sql.query<{ card_id: string; schedule: ScheduleState }>(
				'select card_id, schedule from deck_cards where user_id = $1 order by card_id',
				[world.users.traineeA.id]
			)
		);
		expect(Object.fromEntries(stored.map((row) => [row.card_id, row.schedule]))).toEqual(onDevice(lesson));
	});

	it('adds nothing when the same batch comes again', async () => {
		const a = claimsFor(world.users.traineeA);
		const again = await syncReviews(a, { reviews: lesson }, NOW);
		expect(again.accepted).toEqual([]);
		expect(again.duplicates).toHaveLength(lesson.length);
		expect(again.schedules).toEqual(onDevice(lesson));
		expect(await count(world.users.traineeA.id)).toBe(lesson.length);
	});

	it('ends in the same state when batches arrive out of order', async () => {
		const b = claimsFor(world.users.traineeB);
		const mine = lesson.map((r) => ({ ...r, id: uuid() }));
		await syncReviews(b, { reviews: mine.slice(5) }, NOW);
		await syncReviews(b, { reviews: mine.slice(0, 3) }, NOW);
		const last = await syncReviews(b, { reviews: [...mine.slice(3, 5), mine[0]!] }, NOW);
		expect(last.schedules).toEqual(onDevice(mine));
		expect(await count(world.users.traineeB.id)).toBe(mine.length);
	});

	it('refuses forged entries with a reason and stores only the good ones', async () => {
		const a = claimsFor(world.users.traineeA);
		const good = review('c1', 3, 60 * 61);
		const result = await syncReviews(
			a,
			{
				reviews: [
					good,
					review('c3', 3, 60 * 62), // not in A's deck
					{ ...review('c1', 3, 60 * 63), rating: 5 },
					{ ...review('c1', 3, 0), reviewedAt: new Date(NOW.getTime() + 3_600_000).toISOString() },
					{ ...review('c1', 3, 60 * 64), userId: world.users.traineeB.id },
					'not a review'
				]
			},
			NOW
		);
		expect(result.accepted).toEqual([good.id]);
		expect(result.rejected.map((r) => r.reason)).toEqual([
			expect.stringMatching(/^rating:/),
			expect.stringMatching(/reviewed in the future/),
			expect.stringMatching(/Unrecognized key/),
			expect.stringMatching(/^review:/),
			'cardId: not a card in your deck'
		]);
		expect(await count(world.users.traineeA.id)).toBe(lesson.length + 1);
		await expect(syncReviews(a, { reviews: [] }, NOW)).rejects.toBeInstanceOf(BatchError);
		await expect(syncReviews(a, [good], NOW)).rejects.toBeInstanceOf(BatchError);
	});

	it('keeps the log append-only and the schedules out of the browser’s reach', async () => {
		const a = claimsFor(world.users.traineeA);
		for (const statement of [
			'update review_logs set rating = 4',
			'delete from review_logs',
			`update deck_cards set due_at = now() + interval '1 year'`
		]) {
			await expect(runAsUser(engine, a, (sql) => sql.query(statement))).rejects.toMatchObject({ code: '42501' });
		}
	});
});
