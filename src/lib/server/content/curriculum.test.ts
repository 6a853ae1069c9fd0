import { describe, expect, it } from 'vitest';
import { loadEdict } from './edict';
import { countByTrack } from './summary';
import { validateContent } from './validate';
import { blueprints, FORMS_PER_TEST, testTypes } from '../../mock-tests/blueprints';
import { assembleForms } from '../../mock-tests/forms';

// The curriculum in content/ itself: valid, and at least as large as the issue asks.
const FLOORS = { caregiving: 300, manufacturing: 250, hospitality: 250, core: 400 } as const;

describe('the curriculum', () => {
	const { curriculum, problems } = validateContent('content', loadEdict());

	it('has no problems (schema, ids, tags, references, readings, EDICT where installed)', () => {
		expect(problems.map((p) => `${p.file} [${p.item ?? ''}] ${p.message}`)).toEqual([]);
	});

	it.each(Object.entries(FLOORS))('%s has at least %i vocabulary cards', (track, floor) => {
		const count = countByTrack(curriculum).find((c) => c.track === track)?.vocabulary ?? 0;
		expect(count).toBeGreaterThanOrEqual(floor);
	});

	it('has 40+ grammar points, 30+ culture scenarios and 10+ protection lessons, each reachable from a lesson', () => {
		expect(curriculum.grammar.length).toBeGreaterThanOrEqual(40);
		expect(curriculum.culture.length).toBeGreaterThanOrEqual(30);
		expect(curriculum.protection.length).toBeGreaterThanOrEqual(10);
		const lessons = curriculum.units.flatMap((u) => u.lessons);
		const referenced = new Set(lessons.flatMap((l) => [...l.grammar, ...l.culture, ...l.protection]));
		const unreachable = [...curriculum.grammar, ...curriculum.culture, ...curriculum.protection]
			.map((item) => item.id)
			.filter((id) => !referenced.has(id));
		expect(unreachable).toEqual([]);
	});

	it('states can-do goals for every unit', () => {
		expect(curriculum.units.filter((u) => u.can_do.length === 0)).toEqual([]);
	});
});

describe('the mock-test bank', () => {
	const { curriculum } = validateContent('content', null);
	it.each(testTypes)('holds at least three distinct full forms of %s', (test) => {
		const forms = assembleForms(curriculum.testUnits.filter((u) => u.test === test), blueprints[test]);
		expect(forms.length).toBeGreaterThanOrEqual(FORMS_PER_TEST);
	});
});
