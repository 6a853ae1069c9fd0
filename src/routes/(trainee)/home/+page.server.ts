import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import * as cohorts from '$lib/server/cohorts';

export const load = (async (event) => {
	const { claims, viewer } = await requireRole(event, ['trainee']);
	return { displayName: viewer.displayName, cohorts: await cohorts.listJoined(claims) };
}) satisfies PageServerLoad;
