import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';

// The page reads READINESS_RULES itself; the load only keeps it to instructors and center admins.
export const load = (async (event) => {
	await requireRole(event, ['instructor', 'center_admin']);
	return {};
}) satisfies PageServerLoad;
