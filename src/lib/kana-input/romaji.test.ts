import { describe, expect, it } from 'vitest';
import { romajiToKana } from './romaji';

const typing = (value: string) => romajiToKana(value, { final: false });
const submitted = (value: string) => romajiToKana(value, { final: true });

/** Types a word one character at a time, converting after each one as the input field does. */
function typeByHand(word: string): string[] {
	const steps: string[] = [];
	let field = '';
	for (const char of word) {
		field = typing(field + char);
		steps.push(field);
	}
	return steps;
}

const WORDS = [
	'konnichiha', 'konnnichiha', 'onna', 'kannji', 'kanji', 'shinbun', 'kitte', 'ra-men', 'RA-MEN', 'KO-HI-',
	'byouin', 'kaigo', "kon'ya", 'konnyaku', 'shinnyuu', "zen'in", 'kenkyuu', 'sensei', 'matcha', 'gakkou',
	'ohayougozaimasu', 'shitsurei shimasu', 'nn', 'n', "n'", 'nnn', 'tanin', 'hon', 'kin\'youbi', 'anzen',
	'Kaigo', 'Ame', 'Onna', 'ANIME', 'O-BUN', 'shokuji', 'tsukue', 'xtsu', 'ltu', 'fairu', 'vu', 'jikan', 'denwa', 'hannbun', 'sannpo'
];

describe('romajiToKana', () => {
	it.each([
		['n', 'ん'],
		['nn', 'ん'],
		["n'", 'ん'],
		['onna', 'おんな'],
		['konnichiha', 'こんにちは'],
		['kannji', 'かんじ'],
		['kanji', 'かんじ'],
		['shinbun', 'しんぶん'],
		['kitte', 'きって'],
		['gakkou', 'がっこう'],
		['ra-men', 'らーめん'],
		['matcha', 'まっちゃ'],
		["kon'ya", 'こんや'],
		['konnyaku', 'こんにゃく'],
		["zen'in", 'ぜんいん'],
		['sannpo', 'さんぽ']
	])('%s → %s', (romaji, kana) => {
		expect(submitted(romaji)).toBe(kana);
	});

	it('keeps a trailing n (and nn) as romaji while typing, so na and nna can still follow', () => {
		expect(typing('n')).toBe('n');
		expect(typing('kan')).toBe('かn');
		expect(typing('kann')).toBe('かnn');
		expect(typing('kanna')).toBe('かんな');
		expect(typing("kan'")).toBe('かん');
		expect(submitted('kann')).toBe('かん');
	});

	it('turns n before a consonant, a mark or a space into ん at once', () => {
		expect(typing('shinb')).toBe('しんb');
		expect(typing('n-')).toBe('んー');
		expect(typing('kan ')).toBe('かん ');
	});

	it('reads a curly apostrophe from a phone keyboard like a straight one', () => {
		expect(submitted('kon’ya')).toBe('こんや');
	});

	it('writes katakana for romaji typed in capitals, hiragana for a capitalised word', () => {
		expect(submitted('RA-MEN')).toBe('ラーメン');
		expect(submitted('KO-HI-')).toBe('コーヒー');
		expect(submitted('TEREBI')).toBe('テレビ');
		expect(submitted('Kaigo')).toBe('かいご');
		expect(submitted('Ame')).toBe('あめ');
		expect(typing('RAMEN')).toBe('ラメN');
	});

	it('holds a capital that starts a word until the next letter shows capitalisation or CAPS', () => {
		expect(typing('A')).toBe('A');
		expect(typing('Am')).toBe('あm');
		expect(typing('AN')).toBe('アN');
		expect(typing('ANI')).toBe('アニ');
		expect(submitted('A')).toBe('ア');
	});

	it('makes long-vowel marks from hyphens and dashes', () => {
		expect(submitted('ko-hi-')).toBe('こーひー');
		expect(submitted('ko–hi—')).toBe('こーひー');
		expect(submitted('ｋｏ－ｈｉ－')).toBe('こーひー');
	});

	it('reads full-width romaji', () => {
		expect(submitted('ｋａｎｊｉ')).toBe('かんじ');
	});

	it('leaves kana and kanji alone and converts romaji mixed in with them', () => {
		expect(typing('あi')).toBe('あい');
		expect(typing('かんじ')).toBe('かんじ');
		expect(typing('コーヒー')).toBe('コーヒー');
		expect(typing('病院')).toBe('病院');
		expect(typing('病inn')).toBe('病いnn');
		expect(submitted('かn')).toBe('かん');
		expect(typing('きってi')).toBe('きってい');
	});

	it('keeps an unfinished syllable as romaji', () => {
		expect(typing('k')).toBe('k');
		expect(typing('ky')).toBe('ky');
		expect(typing('kit')).toBe('きt');
		expect(typing('kitt')).toBe('きtt');
		expect(typing('sh')).toBe('sh');
	});

	it('gives the empty string for the empty string', () => {
		expect(typing('')).toBe('');
		expect(submitted('')).toBe('');
	});

	describe.each(WORDS)('typing %s one character at a time', (word) => {
		const steps = typeByHand(word);

		it('is idempotent at every step', () => {
			for (const step of steps) {
				expect(typing(step)).toBe(step);
				expect(submitted(submitted(step))).toBe(submitted(step));
			}
		});

		it('ends where converting the whole word ends, without doubling anything', () => {
			const last = steps[steps.length - 1] ?? '';
			expect(submitted(last)).toBe(submitted(word));
			expect(typing(last)).toBe(typing(word));
			expect([...submitted(last)].length).toBeLessThanOrEqual([...word].length);
		});
	});
});
