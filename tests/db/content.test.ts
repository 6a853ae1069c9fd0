import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from './engines';
import type { Engine } from '../../src/lib/server/db/types';
import { parseEdict } from '../../src/lib/server/content/edict';
import { validateContent } from '../../src/lib/server/content/validate';
import { compileCurriculum, type CompiledCurriculum } from '../../src/lib/server/content/compile';
import { createFurigana, type Furigana, type KnownMisreading } from '../../src/lib/server/content/furigana';
import { loadCompiled } from '../../src/lib/server/content/load';

const FIXTURE = 'tests/fixtures/content';
const known = parse(readFileSync(`${FIXTURE}/known-misreadings.yaml`, 'utf8')) as KnownMisreading[];
let furigana: Furigana;
let compiled: CompiledCurriculum;

beforeAll(async () => {
	furigana = await createFurigana();
	const { curriculum } = validateContent(FIXTURE, parseEdict(''));
	({ compiled } = await compileCurriculum(curriculum, furigana, known));
});

describe('furigana at build time', () => {
	it('fails a planted sentence that still carries a known misreading, and passes it with the override', async () => {
		const { curriculum } = validateContent(FIXTURE, null);
		const culture = curriculum.culture[0]!;
		const planted = { ...culture, phrases: [{ ...culture.phrases[0]!, ja: '指差呼称をします。', readings: undefined }] };
		const bad = await compileCurriculum({ ...curriculum, culture: [planted] }, furigana, known);
		expect(bad.problems.map((p) => p.message)).toEqual([
			'furigana reads 指差呼称 as ゆびさこしょう in "指差呼称をします。"; add readings: { 指差呼称: しさこしょう }'
		]);
		const fixed = { ...planted, phrases: [{ ...planted.phrases[0]!, readings: { 指差呼称: 'しさこしょう' } }] };
		expect((await compileCurriculum({ ...curriculum, culture: [fixed] }, furigana, known)).problems).toEqual([]);
	});

	it("reads a card's own term as the card does in its examples", () => {
		const card = compiled.cards.find((c) => c.id === 'fx-kurumaisu')!;
		expect(card.examples[0]!.furigana[0]).toEqual({ text: '車椅子', reading: 'くるまいす' });
	});
});

describe.each(testEngines)('loading content on $name', (testEngine) => {
	let engine: Engine;
	beforeAll(async () => {
		engine = await testEngine.open();
	});
	afterAll(() => testEngine.dispose(engine));

	const snapshot = () =>
		engine.transaction((sql) =>
			sql.query(
				`select 'card' as kind, id, retired_at is not null as retired, term as value from content_cards
				 union all select 'lesson', id, retired_at is not null, title->>'ja' from content_lessons
				 union all select 'item', id, retired_at is not null, kind from content_items
				 order by kind, id`
			)
		);

	it('loads once; loading the same build again changes nothing', async () => {
		expect(await engine.transaction((sql) => loadCompiled(sql, compiled))).toBe(true);
		const first = await snapshot();
		expect(first.filter((r) => r.kind === 'card')).toHaveLength(3);
		expect(await engine.transaction((sql) => loadCompiled(sql, compiled))).toBe(false);
		expect(await snapshot()).toEqual(first);
	});

	it('retires a card removed from the files and keeps the trainee history that points at it', async () => {
		const traineeId = await engine.transaction(async (sql) => {
			const [user] = await sql.query<{ id: string }>(
				`insert into auth.users (id, aud, role, email, encrypted_password) values (gen_random_uuid(), 'authenticated', 'authenticated', 'deck@example.id', '') returning id`
			);
			await sql.query(`insert into deck_cards (user_id, card_id) values ($1, 'fx-kurumaisu')`, [user!.id]);
			return user!.id;
		});
		const without = { ...compiled, hash: 'without-wheelchair', cards: compiled.cards.filter((c) => c.id !== 'fx-kurumaisu') };
		expect(await engine.transaction((sql) => loadCompiled(sql, without))).toBe(true);
		const rows = await engine.transaction((sql) =>
			sql.query<{ retired: boolean; in_deck: boolean }>(
				`select c.retired_at is not null as retired, exists (select 1 from deck_cards d where d.card_id = c.id and d.user_id = $1) as in_deck
				 from content_cards c where c.id = 'fx-kurumaisu'`,
				[traineeId]
			)
		);
		expect(rows).toEqual([{ retired: true, in_deck: true }]);
		// Back in the files: back in service.
		expect(await engine.transaction((sql) => loadCompiled(sql, { ...compiled, hash: 'with-wheelchair-again' }))).toBe(true);
		const [card] = await engine.transaction((sql) => sql.query(`select retired_at from content_cards where id = 'fx-kurumaisu'`));
		expect(card).toEqual({ retired_at: null });
	});
});
