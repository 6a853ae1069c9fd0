import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import * as cohorts from '$lib/server/cohorts';
import * as preferences from '$lib/server/study/preferences';
import * as assignments from '$lib/server/mock-tests/assignments';
import * as work from '$lib/server/assignments';

export const load = (async (event) => {
	const { claims, viewer } = await requireRole(event, ['trainee']);
	const [joined, settings, assigned] = await Promise.all([
		cohorts.listJoined(claims),
		preferences.settingsFor(claims),
		assignments.forTrainee(claims)
	]);
	return {
		displayName: viewer.displayName,
		cohorts: joined,
		newCardsPerDay: settings.newCardsPerDay,
		cohortNewCardsPerDay: settings.cohortNewCardsPerDay,
		assigned,
		work: await work.listForTrainee(claims),
		now: new Date()
	};
}) satisfies PageServerLoad;

// A missing or empty field must not read as 0 (Number('') is 0).
const limitForm = z.object({ newCardsPerDay: z.string().trim().regex(/^\d{1,3}$/).transform(Number).pipe(z.number().int().min(0).max(100)) });

export const actions = {
	limit: async (event) => {
		const { claims } = await requireRole(event, ['trainee']);
		const parsed = limitForm.safeParse({ newCardsPerDay: (await event.request.formData()).get('newCardsPerDay') });
		if (!parsed.success) return fail(400, { limitError: 'error_required' });
		return { newCardsPerDay: await preferences.setNewCardsPerDay(claims, parsed.data.newCardsPerDay) };
	}
} satisfies Actions;
