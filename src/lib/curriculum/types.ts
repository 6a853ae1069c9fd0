// What trainee pages receive from the curriculum module.
import type { Segment } from '$lib/content/furigana';

export type Text = { id: string; en: string };
export type TextJa = Text & { ja: string };

export interface TrackProgress {
	id: string;
	sector: string | null;
	title: TextJa;
	description: Text;
	lessons: number;
	completed: number;
}

export interface UnitPath {
	id: string;
	title: TextJa;
	canDo: Text[];
	lessons: { id: string; title: TextJa; cards: number; completed: boolean }[];
}

export interface Sentence {
	ja: string;
	furigana: Segment[];
	id: string;
	en: string;
	register?: string;
}

export interface LessonCard {
	id: string;
	term: string;
	reading: string;
	meaning: Text;
	partOfSpeech: string;
	register: string | null;
	examples: Sentence[];
	note: Text | null;
}

export interface LessonView {
	id: string;
	title: TextJa;
	trackId: string;
	trackTitle: TextJa;
	unitTitle: TextJa;
	canDo: Text[];
	cards: LessonCard[];
	grammar: { id: string; pattern: string; level: string; meaning: Text; formation: Text; examples: Sentence[]; mistakes: Text[] }[];
	culture: {
		id: string;
		title: TextJa;
		situation: Text;
		what_to_do: Text;
		phrases: Sentence[];
		why: Text;
		usual_mistake: Text;
		check: { question: Text; choices: Text[]; answer: number; explanation: Text };
	}[];
	protection: {
		id: string;
		title: TextJa;
		sections: { heading: Text; body: Text }[];
		key_terms: { term: string; reading: string; meaning: Text }[];
		official_bodies: string[];
		where_to_check: Text;
		check: { question: Text; choices: Text[]; answer: number; explanation: Text };
	}[];
	completed: boolean;
}
