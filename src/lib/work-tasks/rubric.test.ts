import { describe, expect, it } from 'vitest';
import { checkScores, defaultRubric, totalOf } from './rubric';

describe('defaultRubric', () => {
	it('scores content, Japanese accuracy and politeness 0–4, and pronunciation and fluency for spoken tasks', () => {
		expect(defaultRubric('written')).toEqual([
			{ key: 'content', max: 4 },
			{ key: 'accuracy', max: 4 },
			{ key: 'politeness', max: 4 }
		]);
		expect(defaultRubric('spoken').map((c) => c.key)).toEqual(['content', 'accuracy', 'politeness', 'delivery']);
	});
});

describe('checkScores', () => {
	const rubric = defaultRubric('written');
	it('takes a whole number from 0 to the maximum for every criterion, from a form or JSON', () => {
		expect(checkScores(rubric, { content: '4', accuracy: ' 0 ', politeness: '3' })).toEqual({ content: 4, accuracy: 0, politeness: 3 });
		expect(checkScores(rubric, { content: 2, accuracy: 2, politeness: 2 })).toEqual({ content: 2, accuracy: 2, politeness: 2 });
	});
	it('refuses a missing, blank, fractional, negative or too-high score, and criteria the rubric lacks', () => {
		expect(checkScores(rubric, { content: '4', accuracy: '3' })).toBeNull();
		expect(checkScores(rubric, { content: '4', accuracy: '', politeness: '1' })).toBeNull();
		expect(checkScores(rubric, { content: '2.5', accuracy: '3', politeness: '1' })).toBeNull();
		expect(checkScores(rubric, { content: '-1', accuracy: '3', politeness: '1' })).toBeNull();
		expect(checkScores(rubric, { content: '5', accuracy: '3', politeness: '1' })).toBeNull();
		expect(checkScores(rubric, { content: '4', accuracy: '3', politeness: '1', delivery: '4' })).toBeNull();
	});
});

describe('totalOf', () => {
	it('adds the points and the maximum', () => {
		expect(totalOf(defaultRubric('spoken'), { content: 4, accuracy: 3, politeness: 2, delivery: 1 })).toEqual({ total: 10, max: 16 });
	});
});
