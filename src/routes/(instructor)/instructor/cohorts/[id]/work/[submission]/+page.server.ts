import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import * as work from '$lib/server/work-tasks';

const params = z.object({ id: z.uuid(), submission: z.uuid() });

export const load = (async (event) => {
	const { claims } = await requireRole(event, ['instructor', 'center_admin']);
	const parsed = params.safeParse(event.params);
	if (!parsed.success) error(404, 'not found');
	// Row-level security shows a submission only to the staff of its cohort (and to its author, who is not staff).
	const found = await work.forReview(claims, parsed.data.submission);
	if (!found || found.task.cohortId !== parsed.data.id) error(404, 'not found');
	return found;
}) satisfies PageServerLoad;

export const actions = {
	save: async (event) => {
		const { claims } = await requireRole(event, ['instructor', 'center_admin']);
		const parsed = params.safeParse(event.params);
		if (!parsed.success) error(404, 'not found');
		const data = await event.request.formData();
		// Every "score_<criterion>" field; saveFeedback checks them against the task's rubric.
		const scores = Object.fromEntries(
			[...data.entries()].filter(([name, value]) => name.startsWith('score_') && typeof value === 'string').map(([name, value]) => [name.slice(6), value])
		);
		const comment = data.get('comment');
		const result = await work.saveFeedback(claims, parsed.data.submission, scores, comment);
		if ('error' in result) {
			if (result.error === 'work_not_reviewer') error(404, 'not found');
			return fail(400, { feedbackError: result.error, scores, comment: typeof comment === 'string' ? comment.slice(0, 4000) : '' });
		}
		return { feedbackSaved: true };
	}
} satisfies Actions;
