import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';

export const load = (async (event) => {
	await requireRole(event, ['ministry_viewer']);
	return {};
}) satisfies PageServerLoad;
