import { z } from 'zod';
import { workModes } from '$lib/work-tasks/rubric';
import { storable } from '$lib/forms/storable';
import type { NewAssignment } from '.';

// A date field "YYYY-MM-DD": due at the end of that day in the instructor's zone (minutes east of UTC; WIB if unknown).
const base = { dueDate: z.iso.date(), tz: z.coerce.number().int().min(-720).max(840).catch(420) };
const lessonForm = z.object({ kind: z.literal('lesson'), lessonId: z.string().min(1).max(120).refine(storable), ...base });
const targetForm = z
	.object({
		kind: z.literal('study_target'),
		trackId: z.string().max(120).refine(storable).transform((s) => s || null),
		scene: z.string().trim().max(60).refine(storable).transform((s) => s || null),
		targetReviews: z.coerce.number().int().min(1).max(5000),
		...base
	})
	.refine((f) => f.trackId !== null || f.scene !== null);
const workForm = z.object({
	kind: z.literal('work_task'),
	mode: z.enum(workModes),
	title: z.string().trim().min(1).max(120).refine(storable),
	instructions: z.string().trim().min(1).max(4000).refine(storable),
	...base
});

const endOfDay = (date: string, tz: number) => new Date(Date.parse(`${date}T23:59:59.999Z`) - tz * 60_000);
const fields = ['kind', 'lessonId', 'trackId', 'scene', 'targetReviews', 'mode', 'title', 'instructions', 'dueDate', 'tz'];

/** The assignment a cohort-page form describes, or the message key of what is wrong with it. */
export function parseAssignmentForm(data: FormData): NewAssignment | { error: string } {
	const raw = Object.fromEntries(fields.map((k) => [k, data.get(k) ?? '']));
	if (raw.kind === 'lesson') {
		const form = lessonForm.safeParse(raw);
		if (!form.success) return { error: 'assignment_bad_lesson' };
		return { kind: 'lesson', lessonId: form.data.lessonId, dueAt: endOfDay(form.data.dueDate, form.data.tz) };
	}
	if (raw.kind === 'work_task') {
		const form = workForm.safeParse(raw);
		if (!form.success) return { error: 'work_bad_task' };
		const { mode, title, instructions, dueDate, tz } = form.data;
		return { kind: 'work_task', mode, title, instructions, dueAt: endOfDay(dueDate, tz) };
	}
	const form = targetForm.safeParse(raw);
	if (!form.success) return { error: 'assignment_bad_target' };
	const { trackId, scene, targetReviews, dueDate, tz } = form.data;
	return { kind: 'study_target', trackId, scene, targetReviews, dueAt: endOfDay(dueDate, tz) };
}
