/**
 * Japanese inside other text. Screen readers pick their voice, and browsers their font, from `lang`: Japanese
 * read with an Indonesian voice is noise, and kanji in a Latin font may take Chinese glyph shapes. Mixed strings
 * (a lesson note, a message naming 敬語, an instructor's title) are cut into runs so each Japanese run can carry
 * lang="ja".
 */

/** Kana, kanji, the CJK punctuation block, half- and full-width forms (（）、。「」ー・ and the like). */
const JAPANESE_CHAR = /[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const LATIN_LETTER = /[A-Za-z\u00c0-\u024f]/g;
const JAPANESE_ALL = new RegExp(JAPANESE_CHAR.source, 'g');
// A run starts and ends on a Japanese character; spaces and ASCII punctuation between two Japanese characters
// (「お体 (おからだ)」 stays two runs, but 「9時 から」 does not matter either way) are left outside.
const RUN = new RegExp(`${JAPANESE_CHAR.source}+`, 'g');

export interface TextRun {
	text: string;
	ja: boolean;
}

export function hasJapanese(text: string): boolean {
	return JAPANESE_CHAR.test(text);
}

/** The text cut into Japanese and other runs, in order; joined they give the text back unchanged. */
export function japaneseRuns(text: string): TextRun[] {
	const runs: TextRun[] = [];
	let last = 0;
	for (const match of text.matchAll(RUN)) {
		if (match.index > last) runs.push({ text: text.slice(last, match.index), ja: false });
		runs.push({ text: match[0], ja: true });
		last = match.index + match[0].length;
	}
	if (last < text.length) runs.push({ text: text.slice(last), ja: false });
	return runs;
}

/**
 * "ja" when a whole string is Japanese in the main (more Japanese characters than Latin letters), for places that
 * cannot hold markup (an <option>, a title) or free text people type in either language.
 */
export function langOf(text: string): 'ja' | undefined {
	const japanese = text.match(JAPANESE_ALL)?.length ?? 0;
	const latin = text.match(LATIN_LETTER)?.length ?? 0;
	return japanese > 0 && japanese >= latin ? 'ja' : undefined;
}
