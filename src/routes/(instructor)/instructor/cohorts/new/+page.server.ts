import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { formFields } from '$lib/auth/forms';
import { COHORT_FIELDS, cohortFieldErrors, newCohortSchema } from '$lib/cohorts/cohort-form';
import { requireRole } from '$lib/server/auth/guard';
import * as manage from '$lib/server/cohorts/manage';

const STAFF = ['instructor', 'center_admin'] as const;

export const load = (async (event) => {
	const { claims } = await requireRole(event, STAFF);
	return { centers: await manage.centersForNewCohort(claims) };
}) satisfies PageServerLoad;

export const actions = {
	save: async (event) => {
		const { claims } = await requireRole(event, STAFF);
		const typed = formFields(await event.request.formData(), [...COHORT_FIELDS, 'centerId']);
		const parsed = newCohortSchema.safeParse(typed);
		if (!parsed.success) return fail(400, { values: typed, errors: cohortFieldErrors(parsed.error) });
		const id = await manage.create(claims, parsed.data);
		if (!id) error(403, 'forbidden');
		redirect(303, `/instructor/cohorts/${id}`);
	}
} satisfies Actions;
