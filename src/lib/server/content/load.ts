import { existsSync, readFileSync } from 'node:fs';
import { asService } from '../db/service';
import type { Sql } from '../db/types';
import type { CompiledCurriculum } from './compile';

export const COMPILED_PATH = 'content/.build/curriculum.json';

async function upsertAndRetire(sql: Sql, table: string, rows: unknown[], columns: string, updates: string, select: string) {
	await sql.query(
		`insert into public.${table} (${columns}, retired_at)
		 select ${select}, null from jsonb_to_recordset($1::jsonb) as r(${columns.replace(/\w+/g, (c) => `${c} ${COLUMN_TYPES[c] ?? 'text'}`)})
		 on conflict (id) do update set ${updates}, retired_at = null`,
		[JSON.stringify(rows)]
	);
	// Removed from the files: retired, never deleted, so review history keeps its card.
	await sql.query(`update public.${table} set retired_at = now() where retired_at is null and not (id = any($1::text[]))`, [
		(rows as { id: string }[]).map((row) => row.id)
	]);
}

const COLUMN_TYPES: Record<string, string> = {
	position: 'int',
	title: 'jsonb',
	description: 'jsonb',
	can_do: 'jsonb',
	meaning: 'jsonb',
	examples: 'jsonb',
	note: 'jsonb',
	body: 'jsonb',
	grammar_ids: 'text[]',
	culture_ids: 'text[]',
	protection_ids: 'text[]',
	sectors: 'text[]',
	scenes: 'text[]',
	accepted_forms: 'text[]'
};

const set = (columns: string) =>
	columns
		.split(', ')
		.filter((c) => c !== 'id')
		.map((c) => `${c} = excluded.${c}`)
		.join(', ');

/** Loads a compiled curriculum idempotently; false when this very build is already loaded. */
export async function loadCompiled(sql: Sql, compiled: CompiledCurriculum): Promise<boolean> {
	const loaded = await sql.query('select 1 from public.content_versions where hash = $1', [compiled.hash]);
	if (loaded.length > 0) return false;
	const tables: [string, unknown[], string, string][] = [
		['content_tracks', compiled.tracks.map((t) => ({ id: t.id, position: t.position, sector: t.sector, title: t.title, description: t.description })), 'id, position, sector, title, description', 'id, position, sector::public.sector, title, description'],
		['content_units', compiled.units.map((u) => ({ id: u.id, track_id: u.trackId, position: u.position, title: u.title, can_do: u.canDo })), 'id, track_id, position, title, can_do', 'id, track_id, position, title, can_do'],
		['content_lessons', compiled.lessons.map((l) => ({ id: l.id, unit_id: l.unitId, position: l.position, title: l.title, grammar_ids: l.grammar, culture_ids: l.culture, protection_ids: l.protection })), 'id, unit_id, position, title, grammar_ids, culture_ids, protection_ids', 'id, unit_id, position, title, grammar_ids, culture_ids, protection_ids'],
		['content_cards', compiled.cards.map((c) => ({ id: c.id, lesson_id: c.lessonId, position: c.position, term: c.term, reading: c.reading, meaning: c.meaning, part_of_speech: c.pos, jlpt: c.jlpt, sectors: c.sectors, scenes: c.scenes, register: c.register, accepted_forms: c.accept, examples: c.examples, note: c.note })), 'id, lesson_id, position, term, reading, meaning, part_of_speech, jlpt, sectors, scenes, register, accepted_forms, examples, note', 'id, lesson_id, position, term, reading, meaning, part_of_speech, jlpt, sectors, scenes, register, accepted_forms, examples, note'],
		['content_items', compiled.items, 'id, kind, body', 'id, kind, body']
	];
	for (const [table, rows, columns, select] of tables) await upsertAndRetire(sql, table, rows, columns, set(columns), select);
	await loadTestBank(sql, compiled);
	await sql.query('insert into public.content_versions (hash, counts) values ($1, $2)', [compiled.hash, JSON.stringify(compiled.counts)]);
	return true;
}

/** At start-up: loads content/.build/curriculum.json when it is newer than what the database holds. */
export async function loadBuiltCurriculum(): Promise<'loaded' | 'unchanged' | 'missing'> {
	if (!existsSync(COMPILED_PATH)) return 'missing';
	const compiled = JSON.parse(readFileSync(COMPILED_PATH, 'utf8')) as CompiledCurriculum;
	return (await asService((sql) => loadCompiled(sql, compiled))) ? 'loaded' : 'unchanged';
}

/** The mock-test bank: units and items by stable id (calibrated difficulty kept), and the assembled forms. */
async function loadTestBank(sql: Sql, compiled: CompiledCurriculum): Promise<void> {
	await sql.query(
		`insert into public.test_units (id, test, section, mondai, passage, script, retired_at)
		 select id, test::public.target_exam, section, mondai, passage, script, null
		 from jsonb_to_recordset($1::jsonb) as r(id text, test text, section text, mondai text, passage jsonb, script jsonb)
		 on conflict (id) do update set test = excluded.test, section = excluded.section, mondai = excluded.mondai,
			passage = excluded.passage, script = excluded.script, retired_at = null`,
		[JSON.stringify(compiled.testUnits)]
	);
	await sql.query(`update public.test_units set retired_at = now() where retired_at is null and not (id = any($1::text[]))`, [
		compiled.testUnits.map((u) => u.id)
	]);
	await sql.query(
		`insert into public.test_items (id, unit_id, position, skill, stem, choices, answer_key, authored_difficulty, difficulty, explanation, retired_at)
		 select id, "unitId", position, skill, stem, choices, key, difficulty, difficulty, explanation, null
		 from jsonb_to_recordset($1::jsonb) as r(id text, "unitId" text, position int, skill text, stem text, choices jsonb,
			key smallint, difficulty float8, explanation jsonb)
		 on conflict (id) do update set unit_id = excluded.unit_id, position = excluded.position, skill = excluded.skill,
			stem = excluded.stem, choices = excluded.choices, answer_key = excluded.answer_key, explanation = excluded.explanation,
			-- a new authored difficulty starts calibration again; otherwise what the responses taught us stays
			difficulty = case when test_items.authored_difficulty = excluded.authored_difficulty then test_items.difficulty
				else excluded.authored_difficulty end,
			authored_difficulty = excluded.authored_difficulty, retired_at = null`,
		[JSON.stringify(compiled.testItems)]
	);
	await sql.query(`update public.test_items set retired_at = now() where retired_at is null and not (id = any($1::text[]))`, [
		compiled.testItems.map((i) => i.id)
	]);
	await sql.query('delete from public.test_forms');
	await sql.query(
		`insert into public.test_forms (test, number, item_ids)
		 select test::public.target_exam, number, array(select jsonb_array_elements_text("itemIds"))
		 from jsonb_to_recordset($1::jsonb) as r(test text, number int, "itemIds" jsonb)`,
		[JSON.stringify(compiled.testForms)]
	);
}
