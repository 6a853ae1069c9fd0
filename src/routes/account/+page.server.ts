import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { changePasswordSchema, fieldErrors, formFields } from '$lib/auth/forms';
import { requireViewer } from '$lib/server/auth/guard';
import { setDisplayName } from '$lib/server/people/viewer';

const profileSchema = z.object({
	displayName: z.string().trim().min(1, 'error_required').max(120, 'error_name_length')
});

export const load = (async (event) => {
	const { viewer } = await requireViewer(event);
	return { displayName: viewer.displayName, roles: viewer.roles };
}) satisfies PageServerLoad;

export const actions = {
	profile: async (event) => {
		const { claims } = await requireViewer(event);
		const fields = formFields(await event.request.formData(), ['displayName']);
		const parsed = profileSchema.safeParse(fields);
		if (!parsed.success) return fail(400, { profile: { ...fields, errors: fieldErrors(parsed.error) } });
		await setDisplayName(claims, parsed.data.displayName);
		return { profile: { saved: true } };
	},
	password: async (event) => {
		const { claims } = await requireViewer(event);
		const fields = formFields(await event.request.formData(), ['currentPassword', 'newPassword', 'confirmPassword']);
		const parsed = changePasswordSchema.safeParse(fields);
		if (!parsed.success) return fail(400, { password: { errors: fieldErrors(parsed.error) } });
		const changed = await event.locals.auth.changePassword(event, claims, parsed.data.currentPassword, parsed.data.newPassword);
		if (!changed) return fail(400, { password: { errors: { currentPassword: 'password_wrong' } } });
		return { password: { changed: true } };
	}
} satisfies Actions;
