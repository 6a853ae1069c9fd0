import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { fieldErrors, formFields, signUpSchema } from '$lib/auth/forms';
import { getLocale } from '$lib/paraglide/runtime.js';
import { homePath } from '$lib/server/people/viewer';

const FIELDS = ['inviteCode', 'displayName', 'identifier', 'password', 'privacyNotice'] as const;

export const load = (async ({ locals, url }) => {
	const viewer = await locals.viewer();
	if (viewer) redirect(303, homePath(viewer));
	return { inviteCode: url.searchParams.get('code') ?? '' };
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const fields = formFields(await event.request.formData(), FIELDS);
		const { password: _password, ...typed } = fields; // what comes back to the form: never the password
		const parsed = signUpSchema.safeParse(fields);
		if (!parsed.success) return fail(400, { ...typed, errors: fieldErrors(parsed.error) });
		const result = await event.locals.auth.signUp(event, parsed.data, getLocale());
		if (!result.ok) {
			const key = result.code === 'invite_email_mismatch' ? 'roster_signup_invite_email_mismatch' : `signup_${result.code}`;
			return fail(result.code === 'unavailable' ? 503 : 400, {
				...typed,
				errors: result.field === 'form' ? {} : { [result.field]: key },
				formError: result.field === 'form' ? key : undefined
			});
		}
		redirect(303, result.as === 'instructor' ? '/instructor' : '/today');
	}
} satisfies Actions;
