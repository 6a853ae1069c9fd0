import Kuroshiro from 'kuroshiro';
import KuromojiAnalyzer from 'kuroshiro-analyzer-kuromoji';
import { toHiragana } from 'wanakana';
import { applyOverride, readingOf, segmentsFromRubyHtml, type Segment } from '../../content/furigana';

// Build time only: kuromoji's dictionary (~18 MB) never reaches a browser.
type Interop<T> = T | { default: T };
const unwrap = <T>(module: Interop<T>): T => ('default' in (module as object) ? (module as { default: T }).default : (module as T));

export interface KnownMisreading {
	term: string;
	wrong: string;
	right: string;
}

export type Furigana = (sentence: string, overrides?: Record<string, string>) => Promise<Segment[]>;

export async function createFurigana(): Promise<Furigana> {
	const KuroshiroClass = unwrap(Kuroshiro as Interop<typeof Kuroshiro>);
	const Analyzer = unwrap(KuromojiAnalyzer as Interop<typeof KuromojiAnalyzer>);
	const kuroshiro = new KuroshiroClass();
	await kuroshiro.init(new Analyzer());
	return async (sentence, overrides = {}) => {
		let segments = segmentsFromRubyHtml(await kuroshiro.convert(sentence, { mode: 'furigana', to: 'hiragana' }));
		for (const [word, reading] of Object.entries(overrides)) {
			const fixed = applyOverride(segments, word, toHiragana(reading));
			if (!fixed) throw new Error(`reading override for "${word}", which is not in the sentence`);
			segments = fixed;
		}
		return segments;
	};
}

/** The known-wrong readings a rendered sentence still carries (each one fails the build). */
export function misreadingsIn(segments: Segment[], known: KnownMisreading[]): KnownMisreading[] {
	return known.filter((k) => readingOf(segments, k.term) === toHiragana(k.wrong));
}
