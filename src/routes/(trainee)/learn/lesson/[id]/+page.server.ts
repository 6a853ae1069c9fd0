import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import * as curriculum from '$lib/server/curriculum';

export const load = (async (event) => {
	const { claims } = await requireRole(event, ['trainee']);
	const lesson = await curriculum.getLesson(claims, event.params.id);
	if (!lesson) error(404, 'not found');
	return { lesson };
}) satisfies PageServerLoad;

export const actions = {
	complete: async (event) => {
		const { claims } = await requireRole(event, ['trainee']);
		const done = await curriculum.completeLesson(claims, event.params.id);
		if (!done) error(404, 'not found');
		redirect(303, `/learn/${done.trackId}?added=${done.added}`);
	}
} satisfies Actions;
