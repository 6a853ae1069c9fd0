import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import * as cohorts from '$lib/server/cohorts';
import * as roster from '$lib/server/cohorts/roster';

const query = z.object({
	id: z.uuid(),
	page: z.coerce.number().int().min(1).max(10_000).catch(1),
	moved: z.uuid().nullable().catch(null),
	removed: z.uuid().nullable().catch(null)
});

export const load = (async (event) => {
	const { claims } = await requireRole(event, ['instructor', 'center_admin']);
	const search = event.url.searchParams;
	const parsed = query.safeParse({ id: event.params.id, page: search.get('page') ?? 1, moved: search.get('moved'), removed: search.get('removed') });
	if (!parsed.success) error(404, 'not found');
	// Row-level security returns nothing for a cohort this person does not teach or administer.
	const cohort = await cohorts.get(claims, parsed.data.id);
	if (!cohort) error(404, 'not found');
	const [{ trainees, hasMore }, removed, moved] = await Promise.all([
		cohorts.listTrainees(claims, cohort.id, parsed.data.page),
		roster.removed(claims, cohort.id),
		parsed.data.moved ? roster.trainee(claims, cohort.id, parsed.data.moved) : null
	]);
	const justRemoved = removed.find((person) => person.id === parsed.data.removed) ?? null;
	return { cohort, trainees, hasMore, page: parsed.data.page, removed, moved: moved?.displayName ?? null, justRemoved: justRemoved?.displayName ?? null };
}) satisfies PageServerLoad;

export const actions = {
	addBack: async (event) => {
		const { claims } = await requireRole(event, ['instructor', 'center_admin']);
		const cohortId = z.uuid().safeParse(event.params.id);
		const trainee = z.uuid().safeParse((await event.request.formData()).get('trainee'));
		if (!cohortId.success || !trainee.success) error(404, 'not found');
		const person = (await roster.removed(claims, cohortId.data)).find((removed) => removed.id === trainee.data);
		if (!person) return fail(400, { addBackError: 'roster_error_add_back' as const });
		if (!(await roster.addBack(claims, cohortId.data, person.id))) return fail(400, { addBackError: 'roster_error_add_back' as const });
		return { addedBack: person.displayName };
	}
} satisfies Actions;
