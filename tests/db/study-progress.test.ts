import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from './engines';
import { buildWorld, claimsFor, type World } from './fixtures';
import type { Engine } from '../../src/lib/server/db/types';
import { adoptEngine } from '../../src/lib/server/db/connection';
import { syncReviews } from '../../src/lib/server/study/sync';
import * as progress from '../../src/lib/server/study/progress';
import { isMastered } from '../../src/lib/progress/mastery';
import type { Rating, ScheduleState } from '../../src/lib/scheduling';

// 19:00 on Tuesday 24 November in Jakarta (WIB, UTC+7).
const NOW = new Date('2026-11-24T12:00:00Z');
const WIB = 420;
const DAY = 86_400_000;
const ago = (days: number, minutes = 0) => new Date(NOW.getTime() - days * DAY + minutes * 60_000).toISOString();
let sequence = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++sequence).padStart(12, '0')}`;
const review = (cardId: string, rating: Rating, reviewedAt: string) => ({
	id: uuid(),
	cardId,
	rating,
	reviewedAt,
	durationMs: 5000,
	mode: 'recognition' as const
});

/**
 * Trainee A's history. "Counted" marks reviews in the 30-day window whose previous review of the card was a
 * day or more before: the only ones true retention measures.
 */
const historyA = [
	// c1 (track t1): learnt 10 days ago, forgotten 3 days ago and relearnt, last seen at 00:30 WIB today.
	review('c1', 3, ago(10)),
	review('c1', 3, ago(10, 10)), // 10 minutes later: a learning step
	review('c1', 3, ago(7)), // counted, recalled
	review('c1', 1, ago(3)), // counted, forgotten
	review('c1', 3, ago(3, 10)), // a relearning step
	review('c1', 3, '2026-11-23T17:30:00Z'), // counted, recalled; 24 Nov in WIB, 23 Nov in UTC
	// c2 (track t1): learnt long ago; its previous review before the window still decides what counts.
	review('c2', 3, ago(40)),
	review('c2', 3, ago(33)), // before the window
	review('c2', 3, '2026-10-25T17:00:00Z'), // counted, recalled: 00:00 WIB on 26 October, the window's first instant
	review('c2', 2, ago(5)), // counted, recalled (Hard is recalled)
	// c3 (track t2): one first look, forgotten.
	review('c3', 1, ago(2)),
	// c4 (track t2): exactly a day between two reviews counts; then a lapse at 23:50 WIB yesterday.
	review('c4', 3, ago(6)),
	review('c4', 4, ago(5)), // counted, recalled
	review('c4', 1, '2026-11-23T16:50:00Z'), // counted, forgotten
	// c7 (track t2): seen once, then retired from the curriculum.
	review('c7', 3, ago(4))
];

describe.each(testEngines)('progress figures on $name', (testEngine) => {
	let engine: Engine;
	let world: World;
	let schedulesA: Record<string, ScheduleState>;

	beforeAll(async () => {
		engine = await testEngine.open();
		world = await buildWorld(engine); // t1 › u1 › l1 (c1), l2 (c2); trainee A has c1 in the deck
		await engine.transaction(async (sql) => {
			await sql.query(`update content_cards set scenes = '{食事介助,声かけ}' where id = 'c1'`);
			await sql.query(`update content_cards set scenes = '{食事介助}' where id = 'c2'`);
			await sql.query(
				`insert into content_tracks (id, position, title, description)
				 values ('t2', 1, '{"ja": "入浴", "id": "Mandi", "en": "Bathing"}', '{}')`
			);
			await sql.query(`insert into content_units (id, track_id, position, title, can_do) values ('u2', 't2', 0, '{}', '[]')`);
			await sql.query(`insert into content_lessons (id, unit_id, position, title) values ('l3', 'u2', 0, '{}')`);
			await sql.query(
				`insert into content_cards (id, lesson_id, position, term, reading, meaning, part_of_speech, sectors, scenes, examples, retired_at)
				 values ('c3', 'l3', 0, '浴槽', 'よくそう', '{}', 'noun', '{}', '{入浴介助}', '[]', null),
					('c4', 'l3', 1, 'お茶', 'おちゃ', '{}', 'noun', '{}', '{食事介助,声かけ}', '[]', null),
					('c5', 'l3', 2, 'タオル', 'たおる', '{}', 'noun', '{}', '{入浴介助}', '[]', null),
					('c6', 'l3', 3, '石鹸', 'せっけん', '{}', 'noun', '{}', '{入浴介助}', '[]', now()),
					('c7', 'l3', 4, '湯', 'ゆ', '{}', 'noun', '{}', '{入浴介助}', '[]', null)`
			);
			await sql.query(
				`insert into deck_cards (user_id, card_id) select $1, id from content_cards where id in ('c2', 'c3', 'c4', 'c5', 'c6', 'c7')`,
				[world.users.traineeA.id]
			);
		});
		adoptEngine(engine);
		const synced = await syncReviews(claimsFor(world.users.traineeA), { reviews: historyA }, NOW);
		expect(synced.rejected).toEqual([]);
		schedulesA = synced.schedules;
		await engine.transaction((sql) => sql.query(`update content_cards set retired_at = now() where id = 'c7'`));
	});
	afterAll(() => testEngine.dispose(engine));

	it('shows a trainee with no deck and no reviews nothing but zeros', async () => {
		const figures = await progress.load(claimsFor(world.users.traineeB), WIB, NOW);
		expect(figures.days).toHaveLength(30);
		expect(figures.days.every((day) => day.total === 0)).toBe(true);
		expect(figures.retention).toEqual({ recalled: 0, reviews: 0, target: 0.9 });
		expect(figures.states).toEqual({ New: 0, Learning: 0, Review: 0, Relearning: 0 });
		expect(figures.tracks).toEqual([]);
		expect(figures.scenes).toEqual([]);
	});

	it('counts reviews per local day, split by grade, in the trainee’s time zone', async () => {
		const figures = await progress.load(claimsFor(world.users.traineeA), WIB, NOW);
		expect(figures.tzOffsetMinutes).toBe(WIB);
		expect(figures.days[0]!.day).toBe('2026-10-26');
		expect(figures.days.at(-1)!.day).toBe('2026-11-24');
		const studied = Object.fromEntries(figures.days.filter((d) => d.total > 0).map(({ day, ...counts }) => [day, counts]));
		const counts = (again: number, hard: number, good: number, easy: number) => ({ total: again + hard + good + easy, again, hard, good, easy });
		expect(studied).toEqual({
			'2026-10-26': counts(0, 0, 1, 0),
			'2026-11-14': counts(0, 0, 2, 0),
			'2026-11-17': counts(0, 0, 1, 0),
			'2026-11-18': counts(0, 0, 1, 0),
			'2026-11-19': counts(0, 1, 0, 1),
			'2026-11-20': counts(0, 0, 1, 0),
			'2026-11-21': counts(1, 0, 1, 0),
			'2026-11-22': counts(1, 0, 0, 0),
			'2026-11-23': counts(1, 0, 0, 0),
			'2026-11-24': counts(0, 0, 1, 0)
		});
	});

	it('moves the day boundary with the offset', async () => {
		const utc = await progress.load(claimsFor(world.users.traineeA), 0, NOW);
		const day = (date: string) => utc.days.find((d) => d.day === date);
		expect(utc.days[0]!.day).toBe('2026-10-26');
		expect(day('2026-10-26')!.total).toBe(0); // 17:00 UTC on 25 October is before this window
		expect(day('2026-11-23')).toMatchObject({ total: 2, again: 1, good: 1 });
		expect(day('2026-11-24')!.total).toBe(0);
	});

	it('measures true retention on reviews a day or more after the last, learning steps and first looks excluded', async () => {
		const figures = await progress.load(claimsFor(world.users.traineeA), WIB, NOW);
		// counted: c1 ×3 (2 recalled), c2 ×2 (2), c4 ×2 (1)
		expect(figures.retention).toEqual({ recalled: 5, reviews: 7, target: 0.9 });
	});

	it('sorts the deck by phase: never-reviewed cards are new, retired unseen cards are gone', async () => {
		const figures = await progress.load(claimsFor(world.users.traineeA), WIB, NOW);
		expect(figures.states).toEqual({ New: 1, Learning: 2, Review: 2, Relearning: 1 });
		const phases = Object.values(schedulesA).map((s) => s.state).sort();
		expect(phases).toEqual(['Learning', 'Learning', 'Relearning', 'Review', 'Review']);
	});

	it('gives mastery per track and per scene from current recall, weakest scene first', async () => {
		const figures = await progress.load(claimsFor(world.users.traineeA), WIB, NOW);
		const mastered = (...ids: string[]) => ids.filter((id) => isMastered(schedulesA[id] ?? null, NOW)).length;
		expect(figures.tracks).toEqual([
			{ id: 't1', title: {}, cards: 2, mastered: mastered('c1', 'c2') },
			{ id: 't2', title: { ja: '入浴', id: 'Mandi', en: 'Bathing' }, cards: 4, mastered: mastered('c3', 'c4', 'c5', 'c7') }
		]);
		// Held: c1 and c4 (relearnt, seen last night), c2 (stable for weeks). Not: c3 (forgotten at first sight
		// two days ago), c7 (one look four days ago), c5 (never seen).
		expect(figures.tracks.map((t) => t.mastered)).toEqual([2, 1]);
		expect(mastered('c3', 'c5', 'c7')).toBe(0);
		expect(figures.scenes).toEqual(
			expect.arrayContaining([
				{ scene: '食事介助', cards: 3, mastered: mastered('c1', 'c2', 'c4') },
				{ scene: '声かけ', cards: 2, mastered: mastered('c1', 'c4') },
				{ scene: '入浴介助', cards: 3, mastered: 0 } // c3, c5, c7
			])
		);
		expect(figures.scenes).toHaveLength(3);
		expect(figures.scenes[0]!.scene).toBe('入浴介助');
	});

	it('shows each trainee only their own figures, even to a teacher who may read the logs', async () => {
		await engine.transaction((sql) =>
			sql.query(`insert into deck_cards (user_id, card_id) values ($1, 'c1')`, [world.users.traineeB.id])
		);
		const b = claimsFor(world.users.traineeB);
		await syncReviews(b, { reviews: [review('c1', 3, ago(3)), review('c1', 1, ago(1))] }, NOW);
		const figures = await progress.load(b, WIB, NOW);
		expect(figures.days.reduce((sum, d) => sum + d.total, 0)).toBe(2);
		expect(figures.retention).toEqual({ recalled: 0, reviews: 1, target: 0.9 });
		expect(figures.tracks.map((t) => [t.id, t.cards])).toEqual([['t1', 1]]);

		const teacher = await progress.load(claimsFor(world.users.instructor1), WIB, NOW);
		expect(teacher.days.every((d) => d.total === 0)).toBe(true);
		expect(teacher.states).toEqual({ New: 0, Learning: 0, Review: 0, Relearning: 0 });
	});
});
