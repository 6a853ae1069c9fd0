/** A run of a sentence: kanji text with its kana reading, or text shown as it is. */
export interface Segment {
	text: string;
	reading?: string;
}

/** Reads kuroshiro's furigana HTML (<ruby>漢字<rp>(</rp><rt>かんじ</rt><rp>)</rp></ruby>) into segments. */
export function segmentsFromRubyHtml(html: string): Segment[] {
	const segments: Segment[] = [];
	const ruby = /<ruby>(.*?)<rp>\(<\/rp><rt>(.*?)<\/rt><rp>\)<\/rp><\/ruby>/g;
	let last = 0;
	for (const match of html.matchAll(ruby)) {
		if (match.index > last) segments.push({ text: html.slice(last, match.index) });
		segments.push({ text: match[1]!, reading: match[2]! });
		last = match.index + match[0].length;
	}
	if (last < html.length) segments.push({ text: html.slice(last) });
	return mergePlain(segments);
}

function mergePlain(segments: Segment[]): Segment[] {
	const merged: Segment[] = [];
	for (const segment of segments) {
		const previous = merged[merged.length - 1];
		if (previous && previous.reading === undefined && segment.reading === undefined) previous.text += segment.text;
		else merged.push({ ...segment });
	}
	return merged;
}

/** The sentence's characters, each with the segment it belongs to. */
function characterMap(segments: Segment[]) {
	const chars: { char: string; segment: number }[] = [];
	segments.forEach((segment, index) => {
		for (const char of segment.text) chars.push({ char, segment: index });
	});
	return chars;
}

/**
 * The reading shown over this word, or null where the word is not in the sentence or a segment straddles
 * its edges. Plain text inside the word reads as itself (kana).
 */
export function readingOf(segments: Segment[], word: string): string | null {
	const chars = characterMap(segments);
	const text = chars.map((c) => c.char).join('');
	const at = text.indexOf(word);
	if (at < 0) return null;
	const first = chars[at]!.segment;
	const last = chars[at + [...word].length - 1]!.segment;
	const covered = segments.slice(first, last + 1);
	if (covered.map((s) => s.text).join('') !== word) return null;
	return covered.map((s) => s.reading ?? s.text).join('');
}

/**
 * Puts a reviewed reading over a word (指差呼称 → しさこしょう), replacing whatever segments covered it. Returns
 * null where the word is not in the sentence.
 */
export function applyOverride(segments: Segment[], word: string, reading: string): Segment[] | null {
	const chars = characterMap(segments);
	const text = chars.map((c) => c.char).join('');
	const at = text.indexOf(word);
	if (at < 0) return null;
	const length = [...word].length;
	const first = chars[at]!.segment;
	const last = chars[at + length - 1]!.segment;
	const before = chars.filter((c, i) => c.segment === first && i < at).map((c) => c.char).join('');
	const after = chars.filter((c, i) => c.segment === last && i >= at + length).map((c) => c.char).join('');
	// A straddling segment keeps its text outside the word, shown plainly (its reading no longer fits).
	const result = [
		...segments.slice(0, first),
		...(before ? [{ text: before }] : []),
		{ text: word, reading },
		...(after ? [{ text: after }] : []),
		...segments.slice(last + 1)
	];
	return mergePlain(result);
}

export const plainText = (segments: Segment[]) => segments.map((s) => s.text).join('');
