import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import * as curriculum from '$lib/server/curriculum';

export const load = (async (event) => {
	const { claims } = await requireRole(event, ['trainee']);
	return { tracks: await curriculum.listTracks(claims) };
}) satisfies PageServerLoad;
