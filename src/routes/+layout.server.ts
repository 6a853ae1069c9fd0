import type { LayoutServerLoad } from './$types';
import { homePath } from '$lib/server/people/viewer';

export const load = (async ({ locals }) => {
	const viewer = await locals.viewer();
	return {
		viewer: viewer ? { id: viewer.id, displayName: viewer.displayName, roles: viewer.roles, home: homePath(viewer) } : null
	};
}) satisfies LayoutServerLoad;
