import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load = (() => redirect(303, '/')) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		await event.locals.auth.signOut(event);
		redirect(303, '/signin');
	}
} satisfies Actions;
