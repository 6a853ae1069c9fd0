import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';

// The drill runs from the phone's own store; the server only checks who may open it.
export const load = (async (event) => {
	await requireRole(event, ['trainee']);
	return {};
}) satisfies PageServerLoad;
