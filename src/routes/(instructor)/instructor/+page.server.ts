import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import * as cohorts from '$lib/server/cohorts';

export const load = (async (event) => {
	const { claims, viewer } = await requireRole(event, ['instructor', 'center_admin']);
	return { isAdmin: viewer.roles.includes('center_admin'), cohorts: await cohorts.listTaughtOrAdministered(claims) };
}) satisfies PageServerLoad;
