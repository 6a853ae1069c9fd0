import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { formFields } from '$lib/auth/forms';
import { COHORT_FIELDS, cohortFieldErrors, cohortSchema } from '$lib/cohorts/cohort-form';
import { requireRole } from '$lib/server/auth/guard';
import * as manage from '$lib/server/cohorts/manage';

const STAFF = ['instructor', 'center_admin'] as const;

/** The signed-in staff member and the cohort id from the address (404 for anything but a uuid). */
async function staffAndCohort(event: RequestEvent) {
	const { claims } = await requireRole(event, STAFF);
	const id = z.uuid().safeParse(event.params.id);
	if (!id.success) error(404, 'not found');
	return { claims, cohortId: id.data };
}

export const load = (async (event) => {
	const { claims, cohortId } = await staffAndCohort(event);
	// Row-level security returns nothing for a cohort this person does not teach or administer.
	const cohort = await manage.settings(claims, cohortId);
	if (!cohort) error(404, 'not found');
	return { cohort, instructors: cohort.administers ? await manage.instructors(claims, cohortId) : [] };
}) satisfies PageServerLoad;

const confirmed = z.literal('yes');
const instructorForm = z.object({ instructor: z.uuid() });

export const actions = {
	save: async (event) => {
		const { claims, cohortId } = await staffAndCohort(event);
		const typed = formFields(await event.request.formData(), COHORT_FIELDS);
		const parsed = cohortSchema.safeParse(typed);
		if (!parsed.success) return fail(400, { values: typed, errors: cohortFieldErrors(parsed.error) });
		if (!(await manage.update(claims, cohortId, parsed.data))) error(404, 'not found');
		redirect(303, `/instructor/cohorts/${cohortId}`);
	},
	// The button sits behind a warning that the old code stops working; without confirm=yes nothing changes.
	regenerate: async (event) => {
		const { claims, cohortId } = await staffAndCohort(event);
		if (!confirmed.safeParse((await event.request.formData()).get('confirm')).success) error(400, 'bad request');
		const code = await manage.regenerateInviteCode(claims, cohortId);
		if (!code) error(404, 'not found');
		return { regenerated: code };
	},
	addInstructor: async (event) => {
		const { claims, cohortId } = await staffAndCohort(event);
		const parsed = instructorForm.safeParse({ instructor: (await event.request.formData()).get('instructor') });
		if (!parsed.success || !(await manage.addInstructor(claims, cohortId, parsed.data.instructor))) {
			return fail(400, { instructorError: 'cohort_manage_instructor_failed' });
		}
		return { instructorsChanged: true };
	},
	removeInstructor: async (event) => {
		const { claims, cohortId } = await staffAndCohort(event);
		const parsed = instructorForm.safeParse({ instructor: (await event.request.formData()).get('instructor') });
		if (!parsed.success || !(await manage.removeInstructor(claims, cohortId, parsed.data.instructor))) {
			return fail(400, { instructorError: 'cohort_manage_instructor_failed' });
		}
		return { instructorsChanged: true };
	}
} satisfies Actions;
