import { romajiToKana } from './romaji';

/** What the field holds: its text and where the caret is. */
export interface Field {
	value: string;
	caret: number;
}

// Kana answers never contain spaces; a space after romaji only ends the word (kan␣ji → かんじ).
const SPACES = /\s+/g;

/** The finished answer: a trailing n becomes ん, spaces go. */
export function finalise(value: string): string {
	return romajiToKana(value, { final: true }).replace(SPACES, '');
}

/** What the field would show once the keyboard's composition ends. */
export function kanaWhileTyping(value: string): string {
	return romajiToKana(value, { final: false }).replace(SPACES, '');
}

/**
 * Decides, event by event, when the field's romaji becomes kana. Nothing is written while a keyboard
 * composes (Gboard, SwiftKey, Samsung compose whole words): changing the text under an open composition
 * is what makes Android keyboards re-send it. The text is always converted as a whole, never appended to,
 * and conversion is idempotent, so a re-sent or repeated event cannot double anything.
 */
export class KanaTyping {
	#composing = false;

	get composing(): boolean {
		return this.#composing;
	}

	compositionStart(): void {
		this.#composing = true;
	}

	/** The composed word is committed: convert it. */
	compositionEnd(field: Field): Field | null {
		this.#composing = false;
		return convert(field);
	}

	/** An `input` event; `isComposing` is the event's own flag, checked as well as ours. */
	input(field: Field, isComposing: boolean): Field | null {
		if (isComposing || this.#composing) return null;
		return convert(field);
	}

	/** Focus left the field: a composition cannot still be open, whatever events were lost. */
	blur(value: string): string {
		this.#composing = false;
		return finalise(value);
	}
}

/** Converts the text before the caret (where typing happens); the rest was converted when it was typed. */
export function convert({ value, caret }: Field): Field | null {
	const at = Math.min(Math.max(caret, 0), value.length);
	const before = value.slice(0, at);
	const converted = kanaWhileTyping(before);
	if (converted === before) return null;
	return { value: converted + value.slice(at), caret: converted.length };
}
