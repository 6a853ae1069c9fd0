import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { fieldErrors, formFields, signInSchema } from '$lib/auth/forms';
import { signIn } from '$lib/server/auth/sign-in';
import { rememberLocale } from '$lib/server/locale';
import { safeNext } from '$lib/server/navigation';
import { homePath, loadViewer } from '$lib/server/people/viewer';

export const load = (async ({ locals }) => {
	const viewer = await locals.viewer();
	if (viewer) redirect(303, homePath(viewer));
	return {};
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const fields = formFields(await event.request.formData(), ['identifier', 'password']);
		const parsed = signInSchema.safeParse(fields);
		// What was typed comes back, never the password.
		if (!parsed.success) return fail(400, { identifier: fields.identifier, errors: fieldErrors(parsed.error) });
		const outcome = await signIn(event, event.locals.auth, parsed.data);
		if (!outcome.ok) {
			return outcome.reason === 'rate_limited'
				? fail(429, { identifier: fields.identifier, retryAfterSeconds: outcome.retryAfterSeconds })
				: fail(400, { identifier: fields.identifier, invalid: true });
		}
		const viewer = await loadViewer(outcome.claims);
		if (viewer) rememberLocale(event.cookies, viewer.locale);
		redirect(303, safeNext(event.url.searchParams.get('next')) ?? (viewer ? homePath(viewer) : '/account'));
	}
} satisfies Actions;
