import { describe, expect, it } from 'vitest';
import { parseAssignmentForm } from './form';

const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.set(k, v);
	return data;
};

describe('parseAssignmentForm', () => {
	it('makes a lesson due at the end of the chosen day in the instructor zone (WIB when unknown)', () => {
		expect(parseAssignmentForm(form({ kind: 'lesson', lessonId: 'cg-01-01', dueDate: '2026-11-27', tz: 'x' }))).toEqual({
			kind: 'lesson',
			lessonId: 'cg-01-01',
			dueAt: new Date('2026-11-27T16:59:59.999Z')
		});
		expect(parseAssignmentForm(form({ kind: 'lesson', lessonId: 'cg-01-01', dueDate: '2026-11-27', tz: '540' }))).toMatchObject({
			dueAt: new Date('2026-11-27T14:59:59.999Z')
		});
	});
	it('takes a study target with a track or a scene and a number of reviews', () => {
		expect(parseAssignmentForm(form({ kind: 'study_target', trackId: '', scene: ' 食事介助 ', targetReviews: '30', dueDate: '2026-11-27', tz: '420' }))).toEqual({
			kind: 'study_target',
			trackId: null,
			scene: '食事介助',
			targetReviews: 30,
			dueAt: new Date('2026-11-27T16:59:59.999Z')
		});
	});
	it('takes a work task with its mode, title and instructions, trimmed', () => {
		const task = { kind: 'work_task', mode: 'spoken', title: ' 自己紹介 ', instructions: '1分で自己紹介をしてください。', dueDate: '2026-11-27', tz: '420' };
		expect(parseAssignmentForm(form(task))).toEqual({
			kind: 'work_task',
			mode: 'spoken',
			title: '自己紹介',
			instructions: '1分で自己紹介をしてください。',
			dueAt: new Date('2026-11-27T16:59:59.999Z')
		});
		expect(parseAssignmentForm(form({ ...task, mode: 'video' }))).toEqual({ error: 'work_bad_task' });
		expect(parseAssignmentForm(form({ ...task, title: '   ' }))).toEqual({ error: 'work_bad_task' });
		expect(parseAssignmentForm(form({ ...task, instructions: 'あ'.repeat(4001) }))).toEqual({ error: 'work_bad_task' });
	});
	it('names what is wrong', () => {
		expect(parseAssignmentForm(form({ kind: 'lesson', lessonId: 'l1', dueDate: '27/11/2026' }))).toEqual({ error: 'assignment_bad_lesson' });
		expect(parseAssignmentForm(form({ kind: 'study_target', trackId: '', scene: '', targetReviews: '30', dueDate: '2026-11-27' }))).toEqual({
			error: 'assignment_bad_target'
		});
		expect(parseAssignmentForm(form({ kind: 'study_target', trackId: 'caregiving', targetReviews: '0', dueDate: '2026-11-27' }))).toEqual({
			error: 'assignment_bad_target'
		});
	});
});
