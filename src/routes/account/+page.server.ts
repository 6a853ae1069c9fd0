import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { changePasswordSchema, fieldErrors, formFields } from '$lib/auth/forms';
import { storable, UNSTORABLE } from '$lib/forms/storable';
import { requireViewer } from '$lib/server/auth/guard';
import { setDisplayName } from '$lib/server/people/viewer';
import * as deletion from '$lib/server/privacy/deletion';

const profileSchema = z.object({
	displayName: z.string().trim().min(1, 'error_required').max(120, 'error_name_length').refine(storable, UNSTORABLE)
});

export const load = (async (event) => {
	const { viewer, claims } = await requireViewer(event);
	const trainee = viewer.roles.includes('trainee');
	return {
		displayName: viewer.displayName,
		roles: viewer.roles,
		canRequestDeletion: trainee,
		deletionRequestedAt: trainee ? ((await deletion.ownRequest(claims))?.requestedAt ?? null) : null
	};
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
	},
	requestDeletion: async (event) => {
		const { claims, viewer } = await requireViewer(event);
		if (!viewer.roles.includes('trainee')) return fail(403, { deletion: { error: 'privacy_deletion_trainees_only' } });
		if ((await event.request.formData()).get('understood') !== 'yes') return fail(400, { deletion: { error: 'privacy_deletion_tick' } });
		await deletion.request(claims);
		return { deletion: { requested: true } };
	},
	cancelDeletion: async (event) => {
		const { claims } = await requireViewer(event);
		await deletion.cancel(claims);
		return { deletion: { requested: false } };
	}
} satisfies Actions;
