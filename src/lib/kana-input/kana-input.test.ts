import { describe, expect, it } from 'vitest';
import { KanaTyping, convert, finalise, kanaWhileTyping, type Field } from './kana-input';

/** An <input> as the component drives it: the browser edits the text, KanaTyping decides what to write back. */
class SimulatedInput {
	value = '';
	caret = 0;
	readonly typing = new KanaTyping();
	/** Every value the field showed, to catch a doubling that was later hidden. */
	readonly shown: string[] = [];

	private write(next: Field | null): void {
		if (next) Object.assign(this, next);
		this.shown.push(this.value);
	}

	private insertAtCaret(text: string): void {
		this.value = this.value.slice(0, this.caret) + text + this.value.slice(this.caret);
		this.caret += text.length;
	}

	/** Desktop or a keyboard without suggestions: one input event per key, never composing. */
	key(text: string): this {
		this.insertAtCaret(text);
		this.write(this.typing.input({ value: this.value, caret: this.caret }, false));
		return this;
	}

	backspace(): this {
		this.value = this.value.slice(0, this.caret - 1) + this.value.slice(this.caret);
		this.caret -= 1;
		this.write(this.typing.input({ value: this.value, caret: this.caret }, false));
		return this;
	}

	/**
	 * Gboard with suggestions on: the whole word is composed, growing letter by letter; `reclaim` is the
	 * text before the caret that Gboard takes back into the composition. Chrome's order ends with the last
	 * composing input, then compositionend; `repeat` adds the extra non-composing input some keyboards and
	 * browsers send after it, carrying the composed text again.
	 */
	compose(word: string, { reclaim = '', repeat = 'none' }: { reclaim?: string; repeat?: 'none' | 'same' | 'recommit' } = {}): this {
		const start = this.caret - reclaim.length;
		const before = this.value.slice(0, start);
		const after = this.value.slice(this.caret);
		this.typing.compositionStart();
		for (let i = 1; i <= word.length; i++) {
			this.value = before + reclaim + word.slice(0, i) + after;
			this.caret = start + reclaim.length + i;
			this.write(this.typing.input({ value: this.value, caret: this.caret }, true));
		}
		this.write(this.typing.compositionEnd({ value: this.value, caret: this.caret }));
		if (repeat === 'recommit') {
			// The keyboard commits its own copy of the word over the composing region again.
			this.value = before + reclaim + word + after;
			this.caret = start + reclaim.length + word.length;
		}
		if (repeat !== 'none') this.write(this.typing.input({ value: this.value, caret: this.caret }, false));
		return this;
	}

	/** Safari's order: compositionend comes first, then the last input event, no longer composing. */
	composeSafari(word: string): this {
		this.typing.compositionStart();
		const before = this.value;
		for (let i = 1; i < word.length; i++) {
			this.value = before + word.slice(0, i);
			this.caret = this.value.length;
			this.write(this.typing.input({ value: this.value, caret: this.caret }, true));
		}
		this.value = before + word;
		this.caret = this.value.length;
		this.write(this.typing.compositionEnd({ value: this.value, caret: this.caret }));
		this.write(this.typing.input({ value: this.value, caret: this.caret }, false));
		return this;
	}

	type(text: string): this {
		for (const char of text) this.key(char);
		return this;
	}
}

describe('desktop keyboard, one input event per key', () => {
	it.each([
		['konnichiha', 'こんにちは'],
		['onna', 'おんな'],
		['kannji', 'かんじ'],
		['shinbun', 'しんぶn'],
		['kitte', 'きって'],
		['ra-men', 'らーめn'],
		['KO-HI-', 'コーヒー'],
		["kon'ya", 'こんや']
	])('%s shows %s while typing', (keys, shown) => {
		const field = new SimulatedInput().type(keys);
		expect(field.value).toBe(shown);
		expect(field.caret).toBe(shown.length);
	});

	it('finishes a trailing n on submit', () => {
		expect(finalise(new SimulatedInput().type('shinbun').value)).toBe('しんぶん');
		expect(finalise(new SimulatedInput().type('hon').value)).toBe('ほん');
		expect(finalise(new SimulatedInput().type('kann').value)).toBe('かん');
	});

	it('never shows a doubled character at any step', () => {
		const field = new SimulatedInput().type('konnichiha');
		expect(field.shown).toEqual(['k', 'こ', 'こn', 'こnn', 'こんに', 'こんにc', 'こんにch', 'こんにち', 'こんにちh', 'こんにちは']);
	});

	it('lets backspace remove kana without bringing romaji back', () => {
		const field = new SimulatedInput().type('kanji').backspace();
		expect(field.value).toBe('かん');
		field.backspace().type('na');
		expect(field.value).toBe('かな');
	});

	it('converts a pasted word in one go', () => {
		expect(new SimulatedInput().key('konnichiha').value).toBe('こんにちは');
	});

	it('drops spaces, which only end a word (kan␣ji)', () => {
		expect(new SimulatedInput().type('kan ji').value).toBe('かんじ');
		expect(new SimulatedInput().type('kon ya').value).toBe('こんや');
	});
});

describe('Android keyboard composing whole words (Gboard, SwiftKey, Samsung)', () => {
	it('writes nothing while composing and converts when the composition ends', () => {
		const field = new SimulatedInput().compose('kanji');
		expect(field.shown).toEqual(['k', 'ka', 'kan', 'kanj', 'kanji', 'かんじ']);
		expect(field.caret).toBe(3);
	});

	it.each(['none', 'same', 'recommit'] as const)('does not double when the keyboard follows up with %s', (repeat) => {
		const field = new SimulatedInput().compose('konnichiha', { repeat });
		expect(field.value).toBe('こんにちは');
		expect(field.shown.at(-1)).toBe('こんにちは');
	});

	it('survives Gboard taking the converted word back into a new composition', () => {
		const field = new SimulatedInput().compose('kanji').compose('ha', { reclaim: 'かんじ', repeat: 'recommit' });
		expect(field.value).toBe('かんじは');
		expect(field.shown.every((shown) => !shown.includes('かんじかんじ'))).toBe(true);
	});

	it('handles Safari order (compositionend before the last input event)', () => {
		expect(new SimulatedInput().composeSafari('onna').value).toBe('おんな');
	});

	it('keeps a trailing n open after composing, so the next word can finish it', () => {
		const field = new SimulatedInput().compose('kan');
		expect(field.value).toBe('かn');
		field.compose('a', { reclaim: 'かn' });
		expect(field.value).toBe('かな');
	});

	it('treats the space that ends a composition as ending the word', () => {
		const field = new SimulatedInput().compose('hon').key(' ').compose('ya');
		expect(field.value).toBe('ほんや');
	});

	it('mixes composing and plain keys without doubling', () => {
		const field = new SimulatedInput().compose('shin').type('bu').compose('n', { repeat: 'same' });
		expect(finalise(field.value)).toBe('しんぶん');
	});

	it('ignores input flagged as composing even if compositionstart was never seen', () => {
		const typing = new KanaTyping();
		expect(typing.input({ value: 'ka', caret: 2 }, true)).toBeNull();
		expect(typing.input({ value: 'ka', caret: 2 }, false)).toEqual({ value: 'か', caret: 1 });
	});

	it('stops waiting for a compositionend that never came once focus leaves', () => {
		const typing = new KanaTyping();
		typing.compositionStart();
		expect(typing.input({ value: 'kan', caret: 3 }, false)).toBeNull();
		expect(typing.blur('kan')).toBe('かん');
		expect(typing.composing).toBe(false);
		expect(typing.input({ value: 'かんji', caret: 5 }, false)).toEqual({ value: 'かんじ', caret: 3 });
	});
});

describe('convert', () => {
	it('returns null when nothing changes, so the field is not touched', () => {
		expect(convert({ value: 'かんじ', caret: 3 })).toBeNull();
		expect(convert({ value: 'かn', caret: 2 })).toBeNull();
		expect(convert({ value: '', caret: 0 })).toBeNull();
	});

	it('converts only up to the caret and keeps the caret after the converted text', () => {
		expect(convert({ value: 'かkaじ', caret: 3 })).toEqual({ value: 'かかじ', caret: 2 });
		expect(convert({ value: 'kaさ', caret: 2 })).toEqual({ value: 'かさ', caret: 1 });
	});

	it('clamps a caret outside the text', () => {
		expect(convert({ value: 'ka', caret: 99 })).toEqual({ value: 'か', caret: 1 });
		expect(convert({ value: 'ka', caret: -1 })).toBeNull();
	});
});

describe('kanaWhileTyping and finalise', () => {
	it('previews what a composing word will become', () => {
		expect(kanaWhileTyping('konnichiha')).toBe('こんにちは');
		expect(kanaWhileTyping('kan')).toBe('かn');
	});

	it('finalises idempotently', () => {
		for (const value of ['kan', 'かn', 'かん', 'kon ya', '']) expect(finalise(finalise(value))).toBe(finalise(value));
		expect(finalise(' kan ')).toBe('かん');
	});
});
