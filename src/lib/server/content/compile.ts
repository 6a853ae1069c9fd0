import { createHash } from 'node:crypto';
import type { Segment } from '../../content/furigana';
import type * as schema from '../../content/schema';
import type { Problem } from './files';
import { misreadingsIn, type Furigana, type KnownMisreading } from './furigana';
import type { Curriculum } from './validate';
import { blueprints, testTypes } from '../../mock-tests/blueprints';
import { assembleForms } from '../../mock-tests/forms';

export interface RenderedSentence {
	ja: string;
	furigana: Segment[];
	id: string;
	en: string;
	register?: string;
}

export interface CompiledCard {
	id: string;
	lessonId: string;
	position: number;
	term: string;
	reading: string;
	meaning: { id: string; en: string };
	pos: string;
	jlpt: string | null;
	sectors: string[];
	scenes: string[];
	register: string | null;
	accept: string[];
	examples: RenderedSentence[];
	note: { id: string; en: string } | null;
}

export interface CompiledCurriculum {
	hash: string;
	tracks: { id: string; position: number; sector: string | null; title: schema.Track['title']; description: schema.Track['description'] }[];
	units: { id: string; trackId: string; position: number; title: schema.Unit['title']; canDo: schema.Unit['can_do'] }[];
	lessons: {
		id: string;
		unitId: string;
		position: number;
		title: schema.Lesson['title'];
		grammar: string[];
		culture: string[];
		protection: string[];
	}[];
	cards: CompiledCard[];
	items: { id: string; kind: 'grammar' | 'culture' | 'protection'; body: unknown }[];
	testUnits: { id: string; test: string; section: string; mondai: string; passage: unknown; script: unknown }[];
	testItems: {
		id: string;
		unitId: string;
		position: number;
		skill: string;
		stem: string;
		choices: string[];
		key: number;
		difficulty: number;
		explanation: { id: string; en?: string };
	}[];
	testForms: { test: string; number: number; itemIds: string[] }[];
	counts: Record<string, number>;
}

const ALL_KANJI = /^[\u4e00-\u9fff々]+$/;

/**
 * A card's own kanji term in its own example reads as the card says (kuroshiro reads 薬を as やくを); an explicit
 * override on the example still wins.
 */
function withCardReading(card: schema.VocabularyCard, example: schema.Example): schema.Example {
	if (!ALL_KANJI.test(card.term) || !example.ja.includes(card.term)) return example;
	return { ...example, readings: { [card.term]: card.reading, ...example.readings } };
}

/** Renders furigana for every Japanese sentence and fails on a known misreading; returns the loadable form. */
export async function compileCurriculum(
	curriculum: Curriculum,
	furigana: Furigana,
	known: KnownMisreading[]
): Promise<{ compiled: CompiledCurriculum; problems: Problem[] }> {
	const problems: Problem[] = [];
	const render = async (file: string, item: string, sentence: schema.Example | { ja: string; id: string; en: string; register?: string; readings?: Record<string, string> }) => {
		let segments: Segment[] = [];
		try {
			segments = await furigana(sentence.ja, sentence.readings);
		} catch (error) {
			problems.push({ file, item, message: `${sentence.ja}: ${(error as Error).message}` });
		}
		for (const wrong of misreadingsIn(segments, known)) {
			problems.push({
				file,
				item,
				message: `furigana reads ${wrong.term} as ${wrong.wrong} in "${sentence.ja}"; add readings: { ${wrong.term}: ${wrong.right} }`
			});
		}
		const rendered: RenderedSentence = { ja: sentence.ja, furigana: segments, id: sentence.id, en: sentence.en };
		if (sentence.register) rendered.register = sentence.register;
		return rendered;
	};

	const compiled: CompiledCurriculum = {
		hash: '',
		tracks: [],
		units: [],
		lessons: [],
		cards: [],
		items: [],
		testUnits: [],
		testItems: [],
		testForms: [],
		counts: {}
	};
	curriculum.tracks.forEach((track, position) =>
		compiled.tracks.push({ id: track.id, position, sector: track.sector ?? null, title: track.title, description: track.description })
	);
	for (const unit of curriculum.units) {
		compiled.units.push({ id: unit.id, trackId: unit.track, position: unit.position, title: unit.title, canDo: unit.can_do });
		for (const [lessonPosition, lesson] of unit.lessons.entries()) {
			compiled.lessons.push({
				id: lesson.id,
				unitId: unit.id,
				position: lessonPosition,
				title: lesson.title,
				grammar: lesson.grammar,
				culture: lesson.culture,
				protection: lesson.protection
			});
			for (const [cardPosition, card] of lesson.vocabulary.entries()) {
				compiled.cards.push({
					id: card.id,
					lessonId: lesson.id,
					position: cardPosition,
					term: card.term,
					reading: card.reading,
					meaning: card.meaning,
					pos: card.pos,
					jlpt: card.jlpt ?? null,
					sectors: card.sectors,
					scenes: card.scenes,
					register: card.register ?? null,
					accept: card.accept ?? [],
					examples: await Promise.all(
						card.examples.map((example) => render(unit.file, card.id, withCardReading(card, example)))
					),
					note: card.note ?? null
				});
			}
		}
	}
	for (const point of curriculum.grammar) {
		const examples = await Promise.all(point.examples.map((example) => render('grammar', point.id, example)));
		compiled.items.push({ id: point.id, kind: 'grammar', body: { ...point, examples } });
	}
	for (const scenario of curriculum.culture) {
		const phrases = await Promise.all(scenario.phrases.map((phrase) => render('culture', scenario.id, phrase)));
		compiled.items.push({ id: scenario.id, kind: 'culture', body: { ...scenario, phrases } });
	}
	for (const lesson of curriculum.protection) {
		compiled.items.push({ id: lesson.id, kind: 'protection', body: lesson });
	}
	for (const unit of curriculum.testUnits) {
		compiled.testUnits.push({ id: unit.unit, test: unit.test, section: unit.section, mondai: unit.mondai, passage: unit.passage ?? null, script: unit.script ?? null });
		unit.items.forEach((item, position) =>
			compiled.testItems.push({
				id: item.id,
				unitId: unit.unit,
				position,
				skill: item.skill,
				stem: item.stem,
				choices: item.choices,
				key: item.key,
				difficulty: item.difficulty,
				explanation: item.explanation
			})
		);
	}
	for (const test of testTypes) {
		const bank = curriculum.testUnits.filter((u) => u.test === test);
		for (const form of assembleForms(bank, blueprints[test])) {
			compiled.testForms.push({ test, number: form.number, itemIds: form.sections.flatMap((s) => s.units.flatMap((u) => u.items.map((i) => i.id))) });
		}
	}
	compiled.counts = {
		tracks: compiled.tracks.length,
		units: compiled.units.length,
		lessons: compiled.lessons.length,
		cards: compiled.cards.length,
		grammar: curriculum.grammar.length,
		culture: curriculum.culture.length,
		protection: curriculum.protection.length,
		testItems: compiled.testItems.length,
		testForms: compiled.testForms.length
	};
	compiled.hash = createHash('sha256').update(JSON.stringify({ ...compiled, hash: '' })).digest('hex').slice(0, 16);
	return { compiled, problems };
}
