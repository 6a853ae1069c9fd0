// kuroshiro and its kuromoji analyzer ship no types; only the parts the content build uses.
declare module 'kuroshiro' {
	export default class Kuroshiro {
		init(analyzer: unknown): Promise<void>;
		convert(text: string, options: { mode: 'furigana' | 'normal' | 'spaced' | 'okurigana'; to: 'hiragana' | 'katakana' | 'romaji' }): Promise<string>;
	}
}
declare module 'kuroshiro-analyzer-kuromoji' {
	export default class KuromojiAnalyzer {
		constructor(options?: { dictPath?: string });
		init(): Promise<void>;
	}
}
