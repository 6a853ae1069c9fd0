import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { blueprints } from '$lib/mock-tests/blueprints';
import { requireRole } from '$lib/server/auth/guard';
import * as attempts from '$lib/server/mock-tests/attempts';

export const load = (async (event) => {
	const { claims } = await requireRole(event, ['trainee']);
	if (!z.uuid().safeParse(event.params.attempt).success) error(404, 'not found');
	const attempt = await attempts.load(claims, event.params.attempt);
	if (!attempt) error(404, 'not found');
	if (attempt.submittedAt) redirect(303, `/tests/${attempt.id}/results`);
	return { attempt, blueprint: blueprints[attempt.test], timeUp: event.url.searchParams.has('timeup') };
}) satisfies PageServerLoad;

export const actions = {
	submit: async (event) => {
		const { claims } = await requireRole(event, ['trainee']);
		if (!z.uuid().safeParse(event.params.attempt).success) error(404, 'not found');
		const data = await event.request.formData();
		// A missing field must not read as section 0 (Number(null) is 0).
		const position = z.string().regex(/^\d{1,2}$/).transform(Number).pipe(z.number().int().min(0).max(10)).safeParse(data.get('position'));
		if (!position.success) error(400, 'which section?');
		try {
			await attempts.closeSection(claims, event.params.attempt, position.data);
		} catch (failure) {
			if (failure instanceof attempts.AttemptError) error(404, 'not found');
			throw failure;
		}
		redirect(303, `/tests/${event.params.attempt}${data.get('timeup') === '1' ? '?timeup' : ''}`);
	}
} satisfies Actions;
