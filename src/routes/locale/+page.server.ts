import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { rememberLocale, toLocale } from '$lib/server/locale';
import { safeNext } from '$lib/server/navigation';
import { setLocale } from '$lib/server/people/viewer';

export const load = (() => redirect(303, '/')) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, cookies, locals }) => {
		const form = await request.formData();
		const locale = toLocale(form.get('locale'));
		if (!locale) error(400, 'unknown language');
		rememberLocale(cookies, locale);
		// Kept on the profile too, so the choice follows the person to another phone.
		if (locals.claims) await setLocale(locals.claims, locale);
		const next = form.get('next');
		redirect(303, safeNext(typeof next === 'string' ? next : null) ?? '/');
	}
} satisfies Actions;
