import { existsSync, readFileSync } from 'node:fs';
import { toHiragana } from 'wanakana';

export const EDICT_PATH = '/usr/share/edict/edict';

/** Written form → readings (in hiragana), from Debian's EDICT (EUC-JP). */
export type Edict = Map<string, Set<string>>;

const stripTags = (word: string) => word.replace(/\([^)]*\)/g, '').trim();

export function parseEdict(text: string): Edict {
	const edict: Edict = new Map();
	for (const line of text.split('\n')) {
		const match = /^(\S+) (?:\[([^\]]+)\] )?\//.exec(line);
		if (!match) continue;
		const readings = match[2] ? match[2].split(';').map(stripTags) : match[1]!.split(';').map(stripTags);
		// "(uk)": usually written in kana, so the kana form is a written form too (すみません for 済みません).
		const terms = [...match[1]!.split(';').map(stripTags), ...(line.includes('(uk)') ? readings : [])];
		for (const term of terms) {
			let set = edict.get(term);
			if (!set) edict.set(term, (set = new Set()));
			for (const reading of readings) set.add(toHiragana(reading));
		}
	}
	return edict;
}

/** EDICT from the Debian package, or null where it is not installed (the check is then reported as skipped). */
export function loadEdict(path = EDICT_PATH): Edict | null {
	if (!existsSync(path)) return null;
	return parseEdict(new TextDecoder('euc-jp').decode(readFileSync(path)));
}

const PARTICLES = new Set(['は', 'が', 'を', 'に', 'で', 'と', 'も', 'へ', 'の', 'や', 'か', 'よ', 'ね', 'から', 'まで', 'より']);

/** Whether EDICT knows this written form with this reading (suru-verbs and お/ご forms by their stem). */
export function edictKnows(edict: Edict, term: string, reading: string): boolean {
	const wanted = toHiragana(reading);
	if (edict.get(term)?.has(wanted)) return true;
	if (PARTICLES.has(term) && term === wanted) return true;
	if (term.endsWith('する') && wanted.endsWith('する') && term.length > 2) {
		return edictKnows(edict, term.slice(0, -2), wanted.slice(0, -2));
	}
	if (/^[おご御]/.test(term) && /^[おご]/.test(wanted) && term.length > 1) {
		return edict.get(term.slice(1))?.has(wanted.slice(1)) ?? false;
	}
	return false;
}
