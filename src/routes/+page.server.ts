import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { homePath } from '$lib/server/people/viewer';

export const load = (async ({ locals }) => {
	const viewer = await locals.viewer();
	if (viewer) redirect(303, homePath(viewer));
	return {};
}) satisfies PageServerLoad;
