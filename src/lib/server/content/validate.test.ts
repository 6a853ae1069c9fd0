import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseEdict } from './edict';
import { validateContent } from './validate';

const FIXTURE = 'tests/fixtures/content';
const MEALS = 'tracks/caregiving/01-meals.yaml';
// A tiny EDICT in its own format: enough for the fixture's words and nothing else.
const edict = parseEdict(
	['食事 [しょくじ] /(n) meal/', '車椅子 [くるまいす] /(n) wheelchair/', 'お食事 [おしょくじ] /(n) meal/', 'です /(cop) be/', '在留カード [ざいりゅうカード] /(n) residence card/'].join('\n')
);

let dir = '';
function fixtureWith(file: string, edit: (text: string) => string): string {
	dir = mkdtempSync(join(tmpdir(), 'hashi-content-'));
	cpSync(FIXTURE, dir, { recursive: true });
	writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
	return dir;
}
afterEach(() => {
	if (dir) rmSync(dir, { recursive: true, force: true });
	dir = '';
});

const messages = (contentDir: string) =>
	validateContent(contentDir, edict).problems.map((p) => `${p.file}${p.item ? ` [${p.item}]` : ''}: ${p.message}`);

describe('content validation', () => {
	it('accepts the fixture curriculum', () => {
		const { problems, curriculum, edictChecked } = validateContent(FIXTURE, edict);
		expect(problems).toEqual([]);
		expect(edictChecked).toBe(true);
		expect(curriculum.units.map((u) => u.id)).toEqual(['fx-u-meals', 'fx-u-work']);
	});

	it.each([
		['a reading with kanji', (t: string) => t.replace('reading: くるまいす', 'reading: 車いす'), /fx-kurumaisu.*must be kana only/],
		['a reading in romaji', (t: string) => t.replace('reading: しょくじ', 'reading: shokuji'), /fx-shokuji.*must be kana only/],
		['a pair EDICT lacks', (t: string) => t.replace('reading: くるまいす', 'reading: くるまいず'), /fx-kurumaisu.*not in EDICT/],
		['a missing translation', (t: string) => t.replace("en: I put on the wheelchair brakes. ", ''), /01-meals\.yaml: .*examples\.0\.en/],
		['an unknown scene tag', (t: string) => t.replace('scenes: [食事介助]', 'scenes: [入浴介助]'), /unknown scene tag "入浴介助"/],
		['a duplicate id', (t: string) => t.replace('id: fx-kurumaisu', 'id: fx-shokuji'), /\[fx-shokuji\]: duplicate id/],
		['a phrase whose parts do not spell it', (t: string) => t.replace('{ term: よ, reading: よ }', '{ term: ね, reading: ね }'), /do not spell the reading/],
		['malformed YAML', (t: string) => `${t}\n  - [unclosed`, /01-meals\.yaml: not valid YAML/]
	])('names the file and item for %s', (_, edit, expected) => {
		const found = messages(fixtureWith(MEALS, edit));
		expect(found.some((m) => expected.test(m)), found.join('\n')).toBe(true);
	});

	it('refuses a phone number in a protection lesson', () => {
		const found = messages(fixtureWith('protection/card.yaml', (t) => t.replace('Tanyakan ke kantor imigrasi.', 'Telepon 0570-013-904.')));
		expect(found.some((m) => /fx-pr-card.*phone number/.test(m))).toBe(true);
	});

	it('refuses an unknown track folder and a lesson pointing at a missing grammar point', () => {
		dir = mkdtempSync(join(tmpdir(), 'hashi-content-'));
		cpSync(FIXTURE, dir, { recursive: true });
		cpSync(join(dir, 'tracks/workplace'), join(dir, 'tracks/farming'), { recursive: true });
		writeFileSync(join(dir, MEALS), readFileSync(join(dir, MEALS), 'utf8').replace('[fx-gr-te-kudasai]', '[fx-gr-missing]'));
		const found = validateContent(dir, edict).problems.map((p) => p.message);
		expect(found).toContain('unknown track folder "farming" (tracks.yaml lists the tracks)');
		expect(found).toContain('unknown grammar id "fx-gr-missing"');
	});
});
