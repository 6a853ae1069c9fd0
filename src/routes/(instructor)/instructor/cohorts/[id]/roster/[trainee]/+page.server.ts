import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { checkStatusChange, localDay } from '$lib/cohorts/roster';
import { requireRole } from '$lib/server/auth/guard';
import * as cohorts from '$lib/server/cohorts';
import * as roster from '$lib/server/cohorts/roster';

const params = z.object({ id: z.uuid(), trainee: z.uuid() });
// Days are the instructor's: WIB, as the assignment forms assume when the browser does not say.
const WIB = 420;

/** The signed-in staff member, the cohort and the trainee on it (404 when either is not theirs to see). */
async function onRoster(event: RequestEvent) {
	const { claims } = await requireRole(event, ['instructor', 'center_admin']);
	const parsed = params.safeParse(event.params);
	if (!parsed.success) error(404, 'not found');
	const [cohort, trainee] = await Promise.all([
		cohorts.get(claims, parsed.data.id),
		roster.trainee(claims, parsed.data.id, parsed.data.trainee)
	]);
	if (!cohort || !trainee) error(404, 'not found');
	return { claims, cohort, trainee };
}

export const load = (async (event) => {
	const { claims, cohort, trainee } = await onRoster(event);
	return { cohort, trainee, targets: await roster.moveTargets(claims, cohort.id) };
}) satisfies PageServerLoad;

export const actions = {
	status: async (event) => {
		const { claims, cohort, trainee } = await onRoster(event);
		const data = await event.request.formData();
		const form = { status: data.get('status'), departedOn: data.get('departedOn') };
		const checked = checkStatusChange(form, { joinedOn: localDay(trainee.joinedAt, WIB), today: localDay(new Date(), WIB) });
		const typed = { status: String(form.status ?? ''), departedOn: String(form.departedOn ?? '') };
		if (!checked.ok) return fail(400, { statusError: checked.error, typed });
		if (!(await roster.setStatus(claims, cohort.id, trainee.id, checked.change))) {
			return fail(400, { statusError: 'roster_error_status_refused' as const, typed });
		}
		return { statusSaved: true };
	},
	move: async (event) => {
		const { claims, cohort, trainee } = await onRoster(event);
		const target = z.uuid().safeParse((await event.request.formData()).get('target'));
		if (!target.success || target.data === cohort.id) return fail(400, { moveError: 'roster_error_move_target' as const });
		const result = await roster.move(claims, cohort.id, trainee.id, target.data);
		if (result === 'already_there') return fail(400, { moveError: 'roster_error_move_already' as const });
		if (result === 'refused') return fail(403, { moveError: 'roster_error_move_refused' as const });
		redirect(303, `/instructor/cohorts/${target.data}/roster?moved=${trainee.id}`);
	},
	// Two steps, no JavaScript needed: the first press asks, the second (confirm=yes) removes.
	remove: async (event) => {
		const { claims, cohort, trainee } = await onRoster(event);
		if ((await event.request.formData()).get('confirm') !== 'yes') return { confirmRemove: true };
		if (!(await roster.remove(claims, cohort.id, trainee.id))) error(404, 'not found');
		redirect(303, `/instructor/cohorts/${cohort.id}/roster?removed=${trainee.id}`);
	}
} satisfies Actions;
