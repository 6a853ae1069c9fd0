import { describe, expect, it } from 'vitest';
import { hasJapanese, japaneseRuns, langOf } from './japanese';

describe('japaneseRuns', () => {
	it('cuts Japanese out of Indonesian and gives the text back unchanged', () => {
		const text = 'Kepada penghuni, katakan お体 (おからだ) supaya lebih sopan.';
		const runs = japaneseRuns(text);
		expect(runs.filter((run) => run.ja).map((run) => run.text)).toEqual(['お体', 'おからだ']);
		expect(runs.map((run) => run.text).join('')).toBe(text);
	});

	it('keeps Japanese punctuation inside its run', () => {
		expect(japaneseRuns('Bagian 1 dari 3: 言語知識（文字・語彙）')).toEqual([
			{ text: 'Bagian 1 dari 3: ', ja: false },
			{ text: '言語知識（文字・語彙）', ja: true }
		]);
	});

	it('leaves text without Japanese as one run, and an empty string as none', () => {
		expect(japaneseRuns('Kesiapan peserta')).toEqual([{ text: 'Kesiapan peserta', ja: false }]);
		expect(japaneseRuns('')).toEqual([]);
		expect(hasJapanese('Kesiapan peserta')).toBe(false);
		expect(hasJapanese('Kesopanan (敬語)')).toBe(true);
	});
});

describe('langOf', () => {
	it('is ja for text that is Japanese in the main, and nothing otherwise', () => {
		expect(langOf('夜勤から日勤へ、利用者さんの様子を申し送ってください。')).toBe('ja');
		expect(langOf('介護日本語評価試験（模擬）')).toBe('ja');
		expect(langOf('申し送り a11y')).toBe('ja');
		expect(langOf('Kalimat sopan dengan です dan ます')).toBeUndefined();
		expect(langOf('Tulis laporan shift malam')).toBeUndefined();
	});
});
