import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { isKana, toHiragana } from 'wanakana';
import type { z } from 'zod';
import * as schema from '../../content/schema';
import { testFile, type TestUnit } from '../../content/test-schema';
import { edictKnows, type Edict } from './edict';
import { readFolder, type Problem } from './files';

export interface CurriculumUnit extends schema.Unit {
	track: schema.Track['id'];
	position: number;
	file: string;
}

export interface Curriculum {
	tracks: schema.Track[];
	units: CurriculumUnit[];
	grammar: schema.GrammarPoint[];
	culture: schema.CultureScenario[];
	protection: schema.ProtectionLesson[];
	testUnits: (TestUnit & { file: string })[];
}

export interface Validation {
	curriculum: Curriculum;
	problems: Problem[];
	/** Whether EDICT was there to check readings against. */
	edictChecked: boolean;
}

function describe(error: z.ZodError): string[] {
	return error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`);
}

/** Kana only: hiragana, katakana and the long-vowel mark; no kanji, romaji or spaces. */
export function isKanaReading(reading: string): boolean {
	return reading.length > 0 && isKana(reading);
}

// Invented contact details must never reach a worker: a protection lesson names bodies, not numbers or links.
const CONTACT_DETAIL = /(https?:\/\/|www\.|\b[\w.-]+\.(go\.jp|or\.jp|com|id)\b|\d{2,4}[-\s]\d{3,4}[-\s]\d{3,4}|\+\d{6,})/i;

export function validateContent(contentDir: string, edict: Edict | null): Validation {
	const problems: Problem[] = [];
	const curriculum: Curriculum = { tracks: [], units: [], grammar: [], culture: [], protection: [], testUnits: [] };
	const ids = new Map<string, string>(); // id → file, across every kind

	const claim = (id: string, file: string) => {
		const earlier = ids.get(id);
		if (earlier) problems.push({ file, item: id, message: `duplicate id (also in ${earlier})` });
		else ids.set(id, file);
	};

	const parseFile = <T>(path: string, data: unknown, shape: z.ZodType<T>): T | null => {
		const result = shape.safeParse(data);
		if (result.success) return result.data;
		for (const message of describe(result.error)) problems.push({ file: path, message });
		return null;
	};

	const tracksPath = join(contentDir, 'tracks.yaml');
	if (existsSync(tracksPath)) {
		curriculum.tracks = parseFile('tracks.yaml', parse(readFileSync(tracksPath, 'utf8')), schema.files.tracks) ?? [];
	} else problems.push({ file: 'tracks.yaml', message: 'missing: the list of tracks' });
	const trackIds = new Set(curriculum.tracks.map((t) => t.id));

	const tags = new Set<string>();
	for (const file of readFolder(contentDir, 'tags', problems)) {
		for (const tag of parseFile(file.path, file.data, schema.files.tags) ?? []) tags.add(tag.tag);
	}

	const exceptions = new Map<string, string>(); // term\0reading → the file that lists it
	// One reviewed file, so a reviewer sees every exception in one place.
	const exceptionFiles = existsSync(join(contentDir, 'edict-exceptions.yaml'))
		? [{ path: 'edict-exceptions.yaml', data: parse(readFileSync(join(contentDir, 'edict-exceptions.yaml'), 'utf8')) }]
		: [];
	for (const file of exceptionFiles) {
		for (const entry of parseFile(file.path, file.data ?? [], schema.files.edictExceptions) ?? []) {
			exceptions.set(`${entry.term}\u0000${toHiragana(entry.reading)}`, file.path);
		}
	}
	const usedExceptions = new Set<string>();

	const checkReading = (file: string, item: string, term: string, reading: string, parts?: { term: string; reading: string }[]) => {
		if (!isKanaReading(reading)) {
			problems.push({ file, item, message: `reading "${reading}" must be kana only (no kanji, romaji or spaces)` });
			return;
		}
		if (!edict) return;
		const key = `${term}\u0000${toHiragana(reading)}`;
		if (edictKnows(edict, term, reading)) return;
		if (exceptions.has(key)) {
			usedExceptions.add(key);
			return;
		}
		if (parts) {
			const joined = toHiragana(parts.map((p) => p.reading).join(''));
			if (joined !== toHiragana(reading)) {
				problems.push({ file, item, message: `the parts' readings (${joined}) do not spell the reading ${reading}` });
			}
			for (const part of parts) {
				if (!isKanaReading(part.reading)) {
					problems.push({ file, item, message: `part "${part.term}": reading "${part.reading}" must be kana only` });
				} else if (!edictKnows(edict, part.term, part.reading) && !exceptions.has(`${part.term}\u0000${toHiragana(part.reading)}`)) {
					problems.push({ file, item, message: `part ${part.term} 【${part.reading}】 is not in EDICT; fix it or add a reviewed exception` });
				} else usedExceptions.add(`${part.term}\u0000${toHiragana(part.reading)}`);
			}
			return;
		}
		problems.push({ file, item, message: `${term} 【${reading}】 is not in EDICT; fix it, list its parts, or add a reviewed exception` });
	};

	for (const file of readFolder(contentDir, 'grammar', problems)) {
		for (const point of parseFile(file.path, file.data, schema.files.grammar) ?? []) {
			claim(point.id, file.path);
			curriculum.grammar.push(point);
		}
	}
	/** Culture scenarios and protection lessons: a known topic tag, and no invented contact details. */
	const topicItems = <T extends { id: string; topic: string }>(folder: string, shape: z.ZodType<T[]>, keep: (file: string, item: T) => void) => {
		for (const file of readFolder(contentDir, folder, problems)) {
			for (const item of parseFile(file.path, file.data, shape) ?? []) {
				claim(item.id, file.path);
				if (!tags.has(item.topic)) problems.push({ file: file.path, item: item.id, message: `unknown topic tag "${item.topic}"` });
				if (CONTACT_DETAIL.test(JSON.stringify(item))) {
					problems.push({ file: file.path, item: item.id, message: 'contains what looks like a phone number, address or URL' });
				}
				keep(file.path, item);
			}
		}
	};
	topicItems('culture', schema.files.culture, (_, scenario) => curriculum.culture.push(scenario));
	topicItems('protection', schema.files.protection, (file, lesson) => {
		for (const term of lesson.key_terms) checkReading(file, lesson.id, term.term, term.reading);
		curriculum.protection.push(lesson);
	});

	for (const file of readFolder(contentDir, 'tracks', problems)) {
		const [, trackId, name] = /^tracks\/([^/]+)\/([^/]+)$/.exec(file.path) ?? [];
		const position = Number(/^(\d+)-/.exec(name ?? '')?.[1]);
		if (!trackId || !trackIds.has(trackId as schema.Track['id'])) {
			problems.push({ file: file.path, message: `unknown track folder "${trackId}" (tracks.yaml lists the tracks)` });
			continue;
		}
		if (!Number.isInteger(position)) {
			problems.push({ file: file.path, message: 'unit files are named <number>-<name>.yaml so their order is clear' });
			continue;
		}
		const unit = parseFile(file.path, file.data, schema.files.unit);
		if (!unit) continue;
		claim(unit.id, file.path);
		for (const lesson of unit.lessons) {
			claim(lesson.id, file.path);
			for (const card of lesson.vocabulary) {
				claim(card.id, file.path);
				checkReading(file.path, card.id, card.term, card.reading, card.parts);
				for (const scene of card.scenes) {
					if (!tags.has(scene)) problems.push({ file: file.path, item: card.id, message: `unknown scene tag "${scene}"` });
				}
			}
		}
		curriculum.units.push({ ...unit, track: trackId as schema.Track['id'], position, file: file.path });
	}

	for (const file of readFolder(contentDir, 'tests', problems)) {
		for (const unit of parseFile(file.path, file.data, testFile) ?? []) {
			claim(unit.unit, file.path);
			for (const item of unit.items) claim(item.id, file.path);
			if (CONTACT_DETAIL.test(JSON.stringify(unit))) {
				problems.push({ file: file.path, item: unit.unit, message: 'contains what looks like a phone number, address or URL' });
			}
			curriculum.testUnits.push({ ...unit, file: file.path });
		}
	}

	// References from lessons, once every item is known.
	const known = {
		grammar: new Set(curriculum.grammar.map((g) => g.id)),
		culture: new Set(curriculum.culture.map((c) => c.id)),
		protection: new Set(curriculum.protection.map((p) => p.id))
	};
	for (const unit of curriculum.units) {
		for (const lesson of unit.lessons) {
			for (const kind of ['grammar', 'culture', 'protection'] as const) {
				for (const ref of lesson[kind]) {
					if (!known[kind].has(ref)) problems.push({ file: unit.file, item: lesson.id, message: `unknown ${kind} id "${ref}"` });
				}
			}
		}
	}
	curriculum.units.sort((a, b) => a.track.localeCompare(b.track) || a.position - b.position);
	if (edict) {
		for (const [key, file] of exceptions) {
			if (!usedExceptions.has(key)) {
				const [term, reading] = key.split('\u0000');
				problems.push({ file, item: term, message: `exception ${term} 【${reading}】 is not used (EDICT knows it, or no item has it): remove it` });
			}
		}
	}
	return { curriculum, problems, edictChecked: edict !== null };
}
