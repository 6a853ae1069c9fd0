import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import * as center from '$lib/server/cohorts/center';

/** The center admin and the center they are looking at: ?center=, else their first (most have one). */
async function adminAndCenter(event: RequestEvent) {
	const { claims } = await requireRole(event, ['center_admin']);
	const centers = await center.administered(claims);
	const wanted = z.uuid().safeParse(event.url.searchParams.get('center'));
	const current = wanted.success ? centers.find((c) => c.id === wanted.data) : centers[0];
	if (!current) error(404, 'not found');
	return { claims, centers, current };
}

export const load = (async (event) => {
	const { claims, centers, current } = await adminAndCenter(event);
	const [instructors, invitations, cohorts] = await Promise.all([
		center.instructors(claims, current.id),
		center.invitations(claims, current.id),
		center.cohorts(claims, current.id)
	]);
	return { centers, center: current, instructors, invitations, cohorts, signupUrl: new URL('/signup', event.url).href };
}) satisfies PageServerLoad;

const email = z.string().trim().toLowerCase().pipe(z.email().max(254));

export const actions = {
	add: async (event) => {
		const { claims, current } = await adminAndCenter(event);
		const typed = String((await event.request.formData()).get('email') ?? '').slice(0, 300);
		const parsed = email.safeParse(typed);
		if (!parsed.success) return fail(400, { addError: 'roster_center_error_email' as const, typed });
		const result = await center.addInstructor(claims, current.id, parsed.data);
		if (!result) error(403, 'forbidden');
		return { added: { result, email: parsed.data } };
	},
	// Two steps, no JavaScript needed: the first press asks, the second (confirm=yes) removes.
	remove: async (event) => {
		const { claims, current } = await adminAndCenter(event);
		const data = await event.request.formData();
		const instructor = z.uuid().safeParse(data.get('instructor'));
		if (!instructor.success) error(400, 'bad request');
		if (data.get('confirm') !== 'yes') return { confirmRemove: instructor.data };
		if (!(await center.removeInstructor(claims, current.id, instructor.data))) {
			return fail(400, { removeError: 'roster_center_error_remove' as const });
		}
		return { removed: true };
	},
	withdraw: async (event) => {
		const { claims, current } = await adminAndCenter(event);
		const invitation = z.uuid().safeParse((await event.request.formData()).get('invitation'));
		if (!invitation.success || !(await center.withdrawInvitation(claims, current.id, invitation.data))) error(404, 'not found');
		return { withdrawn: true };
	}
} satisfies Actions;
