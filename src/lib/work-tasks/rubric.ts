/** Rubrics and scores for work tasks. Pure: the same rules as private.valid_rubric / private.scores_fit. */
export type WorkMode = 'written' | 'spoken';
export const workModes: readonly WorkMode[] = ['written', 'spoken'];

/** One thing the instructor scores, from 0 to max points; its label is the message `work_criterion_<key>`. */
export interface Criterion {
	key: string;
	max: number;
}
export type Rubric = Criterion[];
export type Scores = Record<string, number>;

// Content, Japanese accuracy and politeness (敬語) for every task; a spoken one adds pronunciation and fluency.
const written: Rubric = [
	{ key: 'content', max: 4 },
	{ key: 'accuracy', max: 4 },
	{ key: 'politeness', max: 4 }
];

export function defaultRubric(mode: WorkMode): Rubric {
	return mode === 'spoken' ? [...written, { key: 'delivery', max: 4 }] : [...written];
}

/** The scores for each criterion, or null unless every criterion has a whole number from 0 to its max (no extras). */
export function checkScores(rubric: Rubric, raw: Record<string, unknown>): Scores | null {
	if (Object.keys(raw).length !== rubric.length) return null;
	const scores: Scores = {};
	for (const { key, max } of rubric) {
		const value = raw[key];
		const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
		if (!/^\d{1,2}$/.test(text)) return null;
		const points = Number(text);
		if (points > max) return null;
		scores[key] = points;
	}
	return scores;
}

export function totalOf(rubric: Rubric, scores: Scores): { total: number; max: number } {
	return {
		total: rubric.reduce((sum, c) => sum + (scores[c.key] ?? 0), 0),
		max: rubric.reduce((sum, c) => sum + c.max, 0)
	};
}

/** Written answers: what a 申し送り note or a self-introduction needs, and what the database accepts. */
export const WRITTEN_MAX_CHARS = 4000;
export const COMMENT_MAX_CHARS = 2000;
