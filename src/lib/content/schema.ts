import { z } from 'zod';

// The one definition of every kind of curriculum item. Files under content/ are YAML in these shapes;
// see content/README.md for how to write them.

export const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are lower-case slugs: cg-meal-spoon');
const text = z.string().trim().min(1, 'must not be empty');
/** Indonesian first, English too. */
export const localized = z.strictObject({ id: text, en: text });
/** Japanese, Indonesian and English. */
export const localizedJa = z.strictObject({ ja: text, id: text, en: text });

export const sectors = ['caregiving', 'manufacturing', 'hospitality', 'general'] as const;
export const jlptLevels = ['N5', 'N4', 'N3'] as const;
export const registers = ['polite', 'honorific', 'humble', 'plain', 'gentle-care'] as const;
export const partsOfSpeech = [
	'noun',
	'verb',
	'suru-verb',
	'i-adjective',
	'na-adjective',
	'adverb',
	'counter',
	'pronoun',
	'conjunction',
	'interjection',
	'prefix',
	'suffix',
	'expression',
	'phrase'
] as const;

/** Kana reading overrides for furigana, word → reading, for words kuroshiro reads wrongly. */
const readingOverrides = z.record(text, text).optional();

export const example = z.strictObject({
	ja: text,
	id: text,
	en: text,
	register: z.enum(registers).optional(),
	readings: readingOverrides
});

/** A (term, reading) pair that EDICT must know: a part of a multi-word phrase. */
export const wordPart = z.strictObject({ term: text, reading: text });

export const vocabularyCard = z
	.strictObject({
		id: slug,
		term: text,
		reading: text,
		meaning: localized,
		pos: z.enum(partsOfSpeech),
		jlpt: z.enum(jlptLevels).optional(),
		sectors: z.array(z.enum(sectors)).min(1),
		scenes: z.array(text).min(1),
		register: z.enum(registers).optional(),
		/** Other written forms a typed answer may use (e.g. 下さい for ください). */
		accept: z.array(text).optional(),
		/** For phrases and compounds EDICT lacks: the parts, each checked on its own. */
		parts: z.array(wordPart).min(2).optional(),
		examples: z.array(example).min(1),
		note: localized.optional()
	})
	.refine((card) => card.pos !== 'phrase' || card.parts, {
		message: 'a phrase lists its parts (term and reading of each word) so each can be checked',
		path: ['parts']
	});

export const grammarPoint = z.strictObject({
	id: slug,
	pattern: text,
	level: z.enum(['N5', 'N4']),
	meaning: localized,
	formation: localized,
	examples: z.array(example).min(2),
	/** The mistakes Indonesian speakers usually make with it. */
	mistakes: z.array(localized).min(1),
	note: localized.optional()
});

export const checkQuestion = z
	.strictObject({
		question: localized,
		choices: z.array(localized).min(2).max(5),
		answer: z.number().int().min(0),
		explanation: localized
	})
	.refine((check) => check.answer < check.choices.length, {
		message: 'answer is the index of one of the choices (0 is the first)',
		path: ['answer']
	});

export const phrase = z.strictObject({
	ja: text,
	id: text,
	en: text,
	register: z.enum(registers),
	readings: readingOverrides
});

export const cultureScenario = z.strictObject({
	id: slug,
	title: localizedJa,
	topic: text,
	situation: localized,
	what_to_do: localized,
	phrases: z.array(phrase).min(1),
	why: localized,
	usual_mistake: localized,
	check: checkQuestion
});

export const protectionLesson = z.strictObject({
	id: slug,
	title: localizedJa,
	topic: text,
	sections: z.array(z.strictObject({ heading: localized, body: localized })).min(2),
	key_terms: z.array(z.strictObject({ term: text, reading: text, meaning: localized })).min(1),
	/** Names of official bodies only: never a phone number, address or URL. */
	official_bodies: z.array(text).min(1),
	/** Where to check details that change over time. */
	where_to_check: localized,
	check: checkQuestion
});

export const lesson = z.strictObject({
	id: slug,
	title: localizedJa,
	vocabulary: z.array(vocabularyCard).default([]),
	grammar: z.array(slug).default([]),
	culture: z.array(slug).default([]),
	protection: z.array(slug).default([])
});

export const unit = z.strictObject({
	id: slug,
	title: localizedJa,
	/** Goals a trainer recognises: "I can tell my supervisor that a resident has a fever". */
	can_do: z.array(localized).min(1),
	lessons: z.array(lesson).min(1)
});

export const track = z.strictObject({
	id: z.enum(['caregiving', 'manufacturing', 'hospitality', 'core', 'workplace']),
	title: localizedJa,
	description: localized,
	sector: z.enum(['caregiving', 'manufacturing', 'hospitality']).optional()
});

export const tag = z.strictObject({ tag: text, id: text, en: text });
export const edictException = z.strictObject({ term: text, reading: text, reason: text });

export const files = {
	tracks: z.array(track).min(1),
	tags: z.array(tag).min(1),
	unit,
	grammar: z.array(grammarPoint).min(1),
	culture: z.array(cultureScenario).min(1),
	protection: z.array(protectionLesson).min(1),
	edictExceptions: z.array(edictException)
};

export type VocabularyCard = z.infer<typeof vocabularyCard>;
export type GrammarPoint = z.infer<typeof grammarPoint>;
export type CultureScenario = z.infer<typeof cultureScenario>;
export type ProtectionLesson = z.infer<typeof protectionLesson>;
export type Unit = z.infer<typeof unit>;
export type Lesson = z.infer<typeof lesson>;
export type Track = z.infer<typeof track>;
export type Example = z.infer<typeof example>;
