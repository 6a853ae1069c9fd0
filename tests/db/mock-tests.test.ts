import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from './engines';
import { buildWorld, claimsFor, type World } from './fixtures';
import type { Engine } from '../../src/lib/server/db/types';
import { adoptEngine } from '../../src/lib/server/db/connection';
import * as attempts from '../../src/lib/server/mock-tests/attempts';
import * as results from '../../src/lib/server/mock-tests/results';
import { runAsUser } from '../../src/lib/server/db/rls';
import { blueprints } from '../../src/lib/mock-tests/blueprints';

/** One caregiving-style form: 5 items in each of the three sections. */
async function loadBank(engine: Engine) {
	await engine.transaction(async (sql) => {
		const items: string[] = [];
		for (const section of blueprints.caregiving_japanese.sections) {
			const unit = `u-${section.id}`;
			await sql.query(`insert into test_units (id, test, section, mondai) values ($1, 'caregiving_japanese', $2, $3)`, [unit, section.id, section.mondai[0]!.id]);
			for (let i = 0; i < 5; i++) {
				await sql.query(
					`insert into test_items (id, unit_id, position, skill, stem, choices, answer_key, authored_difficulty, difficulty, explanation)
					 values ($1, $2, $3, 'skill', 'stem', '["a","b","c","d"]', 0, 0, 0, '{"id":"karena a"}')`,
					[`${section.id}-${i}`, unit, i]
				);
				items.push(`${section.id}-${i}`);
			}
		}
		await sql.query(`insert into test_forms (test, number, item_ids) values ('caregiving_japanese', 1, $1)`, [items]);
	});
}

describe.each(testEngines)('mock-test attempts on $name', (testEngine) => {
	let engine: Engine;
	let world: World;
	beforeAll(async () => {
		engine = await testEngine.open();
		world = await buildWorld(engine);
		await loadBank(engine);
		adoptEngine(engine);
	});
	afterAll(() => testEngine.dispose(engine));

	it('saves answers in the open section only, and only the owner’s', async () => {
		const a = claimsFor(world.users.traineeA);
		const b = claimsFor(world.users.traineeB);
		const id = await attempts.start(a, 'caregiving_japanese', false);
		const state = await attempts.load(a, id);
		expect(state!.current!.section).toBe('kaigo_words');
		expect(state!.items.map((i) => i.itemId)).toEqual(['kaigo_words-0', 'kaigo_words-1', 'kaigo_words-2', 'kaigo_words-3', 'kaigo_words-4']);
		// Keys never reach the trainee before the end.
		expect(JSON.stringify(state)).not.toMatch(/answer_key|explanation/);
		await expect(runAsUser(engine, a, (sql) => sql.query('select answer_key from test_items'))).rejects.toMatchObject({ code: '42501' });

		await attempts.saveAnswer(a, id, 'kaigo_words-0', 0, 0);
		await attempts.saveAnswer(a, id, 'kaigo_words-0', 0, 2); // changing an answer is fine
		await expect(attempts.saveAnswer(b, id, 'kaigo_words-1', 0, 0)).rejects.toThrow(/closed/); // another trainee's attempt
		await expect(attempts.saveAnswer(a, id, 'kaigo_conversation-0', 1, 0)).rejects.toThrow(/closed/); // a section not open yet
		expect((await attempts.load(a, id))!.answers).toEqual({ 'kaigo_words-0': 2 });
		expect(await attempts.load(b, id)).toBeNull();
	});

	it('refuses answers after the deadline and submits the section when its time has run out', async () => {
		const a = claimsFor(world.users.traineeA);
		const id = await attempts.start(a, 'caregiving_japanese', false);
		await engine.transaction((sql) =>
			sql.query(`update attempt_sections set deadline_at = now() - interval '1 second' where attempt_id = $1 and position = 0`, [id])
		);
		await expect(attempts.saveAnswer(a, id, 'kaigo_words-1', 0, 0)).rejects.toThrow(/closed/);
		const state = await attempts.load(a, id);
		expect(state!.sections[0]!.submittedAt).not.toBeNull();
		expect(state!.current!.section).toBe('kaigo_conversation');
	});

	it('scores once: a second submit is harmless, and results show keys and explanations', async () => {
		const a = claimsFor(world.users.traineeA);
		const id = await attempts.start(a, 'caregiving_japanese', false);
		for (let i = 0; i < 5; i++) await attempts.saveAnswer(a, id, `kaigo_words-${i}`, 0, 0);
		await attempts.closeSection(a, id, 0);
		await attempts.closeSection(a, id, 0); // again: nothing changes
		await attempts.saveAnswer(a, id, 'kaigo_conversation-0', 1, 0);
		await attempts.closeSection(a, id, 1);
		await attempts.closeSection(a, id, 2);
		await attempts.closeSection(a, id, 2);
		const done = await results.load(a, id);
		expect(done!.score.raw.map((s) => s.correct)).toEqual([5, 1, 0]);
		expect(done!.score.total).toBe(6);
		expect(done!.score.passed).toBe(false);
		expect(done!.items[0]).toMatchObject({ key: 0, choice: 0, explanation: { id: 'karena a' } });
		await expect(attempts.saveAnswer(a, id, 'kaigo_documents-0', 2, 0)).rejects.toThrow(/closed/);
		const count = await engine.transaction((sql) =>
			sql.query<{ n: number }>('select count(*)::int as n from attempt_sections where attempt_id = $1 and submitted_at is not null', [id])
		);
		expect(count[0]!.n).toBe(3);
	});
});
