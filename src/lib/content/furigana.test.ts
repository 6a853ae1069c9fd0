import { describe, expect, it } from 'vitest';
import { applyOverride, readingOf, segmentsFromRubyHtml, plainText } from './furigana';

// kuroshiro's real output for 指差呼称をします。 (it reads the term wrongly, as ゆびさこしょう)
const html =
	'<ruby>指<rp>(</rp><rt>ゆび</rt><rp>)</rp></ruby><ruby>差<rp>(</rp><rt>さ</rt><rp>)</rp></ruby>' +
	'<ruby>呼称<rp>(</rp><rt>こしょう</rt><rp>)</rp></ruby>をします。';

describe('furigana segments', () => {
	it('reads ruby HTML into text and readings', () => {
		const segments = segmentsFromRubyHtml(html);
		expect(segments).toEqual([
			{ text: '指', reading: 'ゆび' },
			{ text: '差', reading: 'さ' },
			{ text: '呼称', reading: 'こしょう' },
			{ text: 'をします。' }
		]);
		expect(plainText(segments)).toBe('指差呼称をします。');
	});

	it('gives the reading shown over a word, so a known misreading can be caught', () => {
		expect(readingOf(segmentsFromRubyHtml(html), '指差呼称')).toBe('ゆびさこしょう');
		expect(readingOf(segmentsFromRubyHtml(html), '報連相')).toBeNull();
	});

	it('puts a reviewed reading over the whole word', () => {
		const fixed = applyOverride(segmentsFromRubyHtml(html), '指差呼称', 'しさこしょう')!;
		expect(fixed).toEqual([{ text: '指差呼称', reading: 'しさこしょう' }, { text: 'をします。' }]);
		expect(readingOf(fixed, '指差呼称')).toBe('しさこしょう');
	});

	it('keeps okurigana outside the ruby', () => {
		const segments = segmentsFromRubyHtml('<ruby>食<rp>(</rp><rt>た</rt><rp>)</rp></ruby>べます');
		expect(segments).toEqual([{ text: '食', reading: 'た' }, { text: 'べます' }]);
	});
});
