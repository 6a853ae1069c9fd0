import { describe, expect, it } from 'vitest';
import { checkAnswer, normaliseAnswer, normaliseKana, type AnswerCard } from './answers';

const hospital: AnswerCard = { term: '病院', reading: 'びょういん', accept: [] };
const coffee: AnswerCard = { term: 'コーヒー', reading: 'コーヒー', accept: [] };
const wheelchair: AnswerCard = { term: '車椅子', reading: 'くるまいす', accept: ['車いす'] };
const aed: AnswerCard = { term: 'AED', reading: 'エーイーディー', accept: [] };
const greeting: AnswerCard = { term: 'おはようございます', reading: 'おはようございます', accept: [] };
const kana = { kanaForKanji: true };
const kanjiOnly = { kanaForKanji: false };

describe('checkAnswer', () => {
	it('accepts the term, and the reading only when kana may stand for kanji', () => {
		expect(checkAnswer('病院', hospital, kanjiOnly)).toMatchObject({ correct: true, matched: '病院', expected: '病院' });
		expect(checkAnswer('びょういん', hospital, kana)).toMatchObject({ correct: true, matched: 'びょういん' });
		expect(checkAnswer('びょういん', hospital, kanjiOnly)).toMatchObject({ correct: false, matched: null, expected: '病院' });
	});

	it('accepts the other written forms in accept', () => {
		expect(checkAnswer('車いす', wheelchair, kanjiOnly)).toMatchObject({ correct: true, matched: '車いす' });
		expect(checkAnswer('車椅子', wheelchair, kanjiOnly).matched).toBe('車椅子');
	});

	it('treats katakana and hiragana alike where the expected form is kana', () => {
		expect(checkAnswer('こーひー', coffee, kanjiOnly)).toMatchObject({ correct: true, matched: 'コーヒー' });
		expect(checkAnswer('ビョウイン', hospital, kana).correct).toBe(true);
		expect(checkAnswer('オハヨウゴザイマス', greeting, kana).correct).toBe(true);
	});

	it('does not fold kana inside a kanji form', () => {
		expect(checkAnswer('車イス', wheelchair, kanjiOnly).correct).toBe(false);
	});

	it('reads a loanword spelt with vowels for ー, but keeps ビル and ビール apart', () => {
		expect(checkAnswer('こおひい', coffee, kanjiOnly).correct).toBe(true);
		expect(checkAnswer('コーヒ', coffee, kanjiOnly).correct).toBe(false);
		const beer: AnswerCard = { term: 'ビール', reading: 'ビール', accept: [] };
		expect(checkAnswer('ビル', beer, kanjiOnly).correct).toBe(false);
		expect(checkAnswer('びいる', beer, kanjiOnly).correct).toBe(true);
	});

	it('does not accept ー for a vowel in a hiragana word', () => {
		const mother: AnswerCard = { term: 'お母さん', reading: 'おかあさん', accept: [] };
		expect(checkAnswer('おかーさん', mother, kana).correct).toBe(false);
	});

	it('reads a hyphen after kana as ー', () => {
		expect(checkAnswer('こ-ひ-', coffee, kanjiOnly).correct).toBe(true);
		expect(checkAnswer('コ－ヒ－', coffee, kanjiOnly).correct).toBe(true);
		expect(normaliseAnswer('す--ぷ')).toBe('すーーぷ');
	});

	it('folds full-width and half-width forms', () => {
		expect(checkAnswer('ＡＥＤ', aed, kanjiOnly).correct).toBe(true);
		expect(checkAnswer('aed', aed, kanjiOnly).correct).toBe(true);
		expect(checkAnswer('ｺｰﾋｰ', coffee, kanjiOnly).correct).toBe(true);
	});

	it('ignores stray spaces and a trailing full stop, ! or ?', () => {
		expect(checkAnswer(' 病 院 ', hospital, kanjiOnly).correct).toBe(true);
		expect(checkAnswer('びょう\u3000いん', hospital, kana).correct).toBe(true);
		expect(checkAnswer('おはようございます。', greeting, kana).correct).toBe(true);
		expect(checkAnswer('おはようございます！', greeting, kana).correct).toBe(true);
		expect(checkAnswer('病院？', hospital, kanjiOnly).correct).toBe(true);
		expect(checkAnswer('病。院', hospital, kanjiOnly).correct).toBe(false);
	});

	it('reads romaji left in the answer as kana (an unfinished n, a field that was never converted)', () => {
		expect(checkAnswer('びょういn', hospital, kana).correct).toBe(true);
		expect(checkAnswer('byouin', hospital, kana).correct).toBe(true);
		expect(checkAnswer('byouin', hospital, kanjiOnly).correct).toBe(false);
	});

	it('never accepts an empty answer', () => {
		for (const typed of ['', '   ', '\u3000', '。', '？']) {
			const result = checkAnswer(typed, hospital, kana);
			expect(result).toEqual({ correct: false, expected: '病院', matched: null, diff: [{ text: '病院', kind: 'missing' }] });
		}
	});

	it('is never correct for a card with nothing to match', () => {
		expect(checkAnswer('', { term: '', reading: '', accept: [] }, kana)).toEqual({
			correct: false,
			expected: '',
			matched: null,
			diff: []
		});
	});
});

describe('checkAnswer diff', () => {
	it('is one same part for an exact answer', () => {
		expect(checkAnswer('病院', hospital, kanjiOnly).diff).toEqual([{ text: '病院', kind: 'same' }]);
	});

	it('shows the expected spelling in same parts when scripts were folded', () => {
		expect(checkAnswer('こーひー', coffee, kanjiOnly).diff).toEqual([{ text: 'コーヒー', kind: 'same' }]);
	});

	it('compares with the closest accepted form: the reading for a kana answer', () => {
		const result = checkAnswer('びよういん', hospital, kana);
		expect(result).toMatchObject({ correct: false, expected: 'びょういん', matched: null });
		expect(result.diff).toEqual([
			{ text: 'び', kind: 'same' },
			{ text: 'よ', kind: 'extra' },
			{ text: 'ょ', kind: 'missing' },
			{ text: 'ういん', kind: 'same' }
		]);
	});

	it('marks a missing small tsu and a missing long vowel', () => {
		const school: AnswerCard = { term: '学校', reading: 'がっこう', accept: [] };
		expect(checkAnswer('がこ', school, kana).diff).toEqual([
			{ text: 'が', kind: 'same' },
			{ text: 'っ', kind: 'missing' },
			{ text: 'こ', kind: 'same' },
			{ text: 'う', kind: 'missing' }
		]);
	});

	it('marks extra characters', () => {
		expect(checkAnswer('びょういんん', hospital, kana).diff).toEqual([
			{ text: 'びょういん', kind: 'same' },
			{ text: 'ん', kind: 'extra' }
		]);
	});

	it('groups a replaced stretch as typed-then-expected instead of interleaving', () => {
		const result = checkAnswer('くるまです', wheelchair, kana);
		expect(result.expected).toBe('くるまいす');
		expect(result.diff).toEqual([
			{ text: 'くるま', kind: 'same' },
			{ text: 'で', kind: 'extra' },
			{ text: 'い', kind: 'missing' },
			{ text: 'す', kind: 'same' }
		]);
	});

	it('spells the expected form from its same and missing parts, and the typed one from same and extra', () => {
		const result = checkAnswer('ひょいん', hospital, kana);
		const spelled = (kinds: string[]) => result.diff.filter((part) => kinds.includes(part.kind)).map((part) => part.text).join('');
		expect(spelled(['same', 'missing'])).toBe('びょういん');
		expect(spelled(['same', 'extra'])).toBe('ひょいん');
	});

	it('shows a wrong kanji answer against the term', () => {
		expect(checkAnswer('病気', hospital, kanjiOnly).diff).toEqual([
			{ text: '病', kind: 'same' },
			{ text: '気', kind: 'extra' },
			{ text: '院', kind: 'missing' }
		]);
	});
});

describe('normalisers', () => {
	it('normaliseAnswer folds width, drops spaces and a trailing stop', () => {
		expect(normaliseAnswer(' ｶﾞｰｾﾞ。 ')).toBe('ガーゼ');
		expect(normaliseAnswer('Ｔシャツ')).toBe('Tシャツ');
	});

	it('normaliseKana folds katakana to hiragana and keeps ー', () => {
		expect(normaliseKana('コーヒー')).toBe('こーひー');
		expect(normaliseKana('ヴァ病院ヽ')).toBe('ゔぁ病院ゝ');
	});
});
