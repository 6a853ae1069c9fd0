import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import * as curriculum from '$lib/server/curriculum';

export const load = (async (event) => {
	const { claims } = await requireRole(event, ['trainee']);
	const lesson = await curriculum.getLesson(claims, event.params.id);
	if (!lesson) error(404, 'not found');
	return { lesson };
}) satisfies PageServerLoad;

// Content ids are short slugs; anything else (e.g. a NUL the database cannot even compare) is no lesson.
const lessonId = z.string().max(120).regex(/^[\w.-]+$/);

export const actions = {
	complete: async (event) => {
		const { claims } = await requireRole(event, ['trainee']);
		const id = lessonId.safeParse(event.params.id);
		const done = id.success ? await curriculum.completeLesson(claims, id.data) : null;
		if (!done) error(404, 'not found');
		redirect(303, `/learn/${done.trackId}?added=${done.added}`);
	}
} satisfies Actions;
