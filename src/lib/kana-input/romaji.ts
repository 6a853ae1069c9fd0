import { toKana } from 'wanakana';

export interface RomajiOptions {
	/** True on submit: a trailing `n`/`nn` becomes ん. False while typing: it may still become な, んな. */
	final: boolean;
}

// Hepburn: an n before a vowel or y starts a syllable (onna → おんな, konnyaku → こんにゃく).
const SYLLABLE_AFTER_N = 'aiueoy';
// Phone keyboards (SwiftKey, Samsung) may turn ' into a curly quote.
const N_RUN = /[nN]+(['‘’])?/g;
// Held back while typing: trailing n's, and a word's first capital (the next letter tells Kaigo from KAIGO).
const PENDING = /(?:^|[^A-Za-z])([A-Z])$|([nN]+)$/;
// NFKC already folds full-width －; these other dashes come from long-pressing the hyphen key.
const DASHES = /[‐‑‒–—―−]/g;
// Hepburn's "tch" (matcha, kotchi) is missing from wanakana's table.
const TCH: Record<string, string> = { tcha: 'っちゃ', tchi: 'っち', tchu: 'っちゅ', tche: 'っちぇ', tcho: 'っちょ' };

/**
 * Romaji → kana for answers typed on a phone or desktop keyboard. Kana and kanji pass through
 * unchanged, so the function is idempotent and can be re-applied to its own output on every keystroke.
 * Lowercase gives hiragana, ALL-CAPS romaji gives katakana (wanakana), a Capitalised word stays hiragana.
 */
export function romajiToKana(value: string, { final }: RomajiOptions): string {
	const text = lowerCapitalised(value.normalize('NFKC').replace(DASHES, '-'));
	const match = final ? null : PENDING.exec(text);
	const pending = match?.[1] ?? match?.[2] ?? '';
	const head = text.slice(0, text.length - pending.length);
	return toKana(resolveN(head), { IMEMode: true, customKanaMapping: TCH }) + pending;
}

/**
 * Writes each ん a run of n's stands for and leaves the n that starts the next syllable. Unlike wanakana's
 * plain toKana, "nn" before a consonant or at the end is one ん (kannji → かんじ), as on a Japanese IME.
 */
function resolveN(text: string): string {
	return text.replace(N_RUN, (run: string, apostrophe: string | undefined, offset: number) => {
		const ns = apostrophe ? run.slice(0, -1) : run;
		const next = apostrophe ? '' : text.charAt(offset + run.length).toLowerCase();
		const keepLast = next !== '' && SYLLABLE_AFTER_N.includes(next);
		return keepLast ? hatsuon(ns.slice(0, -1)) + ns.slice(-1) : hatsuon(ns);
	});
}

/** "nn" and a lone "n" each make one ん; upper case makes ン. */
function hatsuon(ns: string): string {
	let kana = '';
	for (let i = 0; i < ns.length; i += 2) {
		const pair = ns.slice(i, i + 2);
		kana += pair === pair.toUpperCase() ? 'ン' : 'ん';
	}
	return kana;
}

/** "Kanji" from a keyboard that capitalised the first letter is not a request for katakana. */
function lowerCapitalised(text: string): string {
	return text.replace(/[A-Z](?=[a-z])/g, (letter) => letter.toLowerCase());
}
