import { isKana, toRomaji } from 'wanakana';
import { romajiToKana } from '../kana-input/romaji';

export interface AnswerCard {
	term: string;
	reading: string;
	accept: readonly string[];
}

export interface AnswerOptions {
	/** Accept the reading in kana for a term written in kanji. */
	kanaForKanji: boolean;
}

/** `same` and `missing` carry the expected text, `extra` what was typed: same+missing spells the answer. */
export interface DiffPart {
	text: string;
	kind: 'same' | 'missing' | 'extra';
}

export interface AnswerCheck {
	correct: boolean;
	/** The accepted form closest to what was typed (the one matched, when correct). */
	expected: string;
	matched: string | null;
	diff: DiffPart[];
}

// After NFKC, ！？．｡ are already ! ? . 。
const TRAILING_STOPS = /[。.!?]+$/;
// Hyphens typed after kana are long-vowel marks (こ-ひ- → こーひー); no lookbehind, for older Safari.
const DASHES_AFTER_KANA = /([\u3041-\u30ff])([-‐‑‒–—―−]+)/g;
const KATAKANA = /[\u30a1-\u30f6\u30fd\u30fe]/g;
const LATIN = /[a-z]/i;
const VOWEL_KANA: Readonly<Record<string, string>> = { a: 'あ', i: 'い', u: 'う', e: 'え', o: 'お' };

/** Width-folded (NFKC), without spaces or trailing 。！？, hyphens after kana read as ー. */
export function normaliseAnswer(text: string): string {
	return text
		.normalize('NFKC')
		.replace(/\s+/g, '')
		.replace(TRAILING_STOPS, '')
		.replace(DASHES_AFTER_KANA, (_, kana: string, dashes: string) => kana + 'ー'.repeat(dashes.length));
}

/** Katakana folded to hiragana; ー is kept. */
export function normaliseKana(text: string): string {
	return text.replace(KATAKANA, (char) => String.fromCharCode(char.charCodeAt(0) - 0x60));
}

export function checkAnswer(typed: string, card: AnswerCard, options: AnswerOptions): AnswerCheck {
	const forms = [card.term, ...card.accept, ...(options.kanaForKanji ? [card.reading] : [])];
	const comparisons = [...new Set(forms)]
		.filter((form) => normaliseAnswer(form) !== '')
		.map((form) => compare(typed, form));
	const first = comparisons[0];
	if (!first) return { correct: false, expected: card.term, matched: null, diff: [] };
	const blank = first.typedLength === 0;
	const best = blank
		? first
		: (comparisons.find((c) => c.correct) ?? comparisons.reduce((a, b) => (b.distance < a.distance ? b : a)));
	return { correct: best.correct, expected: best.form, matched: best.correct ? best.form : null, diff: best.diff };
}

interface Comparison {
	form: string;
	correct: boolean;
	typedLength: number;
	distance: number;
	diff: DiffPart[];
}

function compare(typed: string, form: string): Comparison {
	const expectedText = normaliseAnswer(form);
	// Romaji left in the answer (a trailing n, a keyboard that skipped conversion) is read as kana.
	const romaji = LATIN.test(typed) && !LATIN.test(expectedText);
	const typedChars = [...normaliseAnswer(romaji ? romajiToKana(typed, { final: true }) : typed)];
	const expectedChars = [...expectedText];
	const kana = isKana(expectedText);
	const key = (char: string): string => (kana ? normaliseKana(char) : char).toLowerCase();
	const typedKeys = typedChars.map(key);
	const expectedKeys = expectedChars.map(key);
	const { diff, distance } = diffChars(typedChars, expectedChars, typedKeys, expectedKeys);
	// A loanword typed with vowels for ー (こおひい for コーヒー) is the same word; ビル and ビール still differ.
	const stretched = kana && expectedText.includes('ー') && same(stretch(typedKeys), stretch(expectedKeys));
	const correct = typedKeys.length > 0 && (distance === 0 || stretched);
	return { form, correct, typedLength: typedKeys.length, distance, diff };
}

function same(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((char, i) => char === b[i]);
}

/** ー replaced by the vowel of the kana before it. */
function stretch(keys: readonly string[]): string[] {
	const out: string[] = [];
	for (const char of keys) {
		const previous = out[out.length - 1];
		const vowel = char === 'ー' && previous ? VOWEL_KANA[toRomaji(previous).slice(-1)] : undefined;
		out.push(vowel ?? char);
	}
	return out;
}

/** Character diff by longest common subsequence; within each change, what was typed comes first. */
function diffChars(typed: string[], expected: string[], typedKeys: string[], expectedKeys: string[]) {
	const width = expected.length + 1;
	// lcs[i * width + j]: length of the common subsequence of typed[i..] and expected[j..].
	const lcs = new Uint16Array((typed.length + 1) * width);
	const at = (i: number, j: number): number => lcs[i * width + j] ?? 0;
	for (let i = typed.length - 1; i >= 0; i--) {
		for (let j = expected.length - 1; j >= 0; j--) {
			lcs[i * width + j] =
				typedKeys[i] === expectedKeys[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
		}
	}
	const diff: DiffPart[] = [];
	let extra = '';
	let missing = '';
	const push = (text: string, kind: DiffPart['kind']): void => {
		const last = diff[diff.length - 1];
		if (last?.kind === kind) last.text += text;
		else if (text) diff.push({ text, kind });
	};
	const flush = (): void => {
		push(extra, 'extra');
		push(missing, 'missing');
		extra = missing = '';
	};
	let i = 0;
	let j = 0;
	while (i < typed.length || j < expected.length) {
		if (i < typed.length && j < expected.length && typedKeys[i] === expectedKeys[j]) {
			flush();
			push(expected[j++] ?? '', 'same');
			i++;
		} else if (j >= expected.length || (i < typed.length && at(i + 1, j) >= at(i, j + 1))) extra += typed[i++] ?? '';
		else missing += expected[j++] ?? '';
	}
	flush();
	return { diff, distance: typed.length + expected.length - 2 * at(0, 0) };
}
