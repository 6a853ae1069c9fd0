import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import * as curriculum from '$lib/server/curriculum';

export const load = (async (event) => {
	const { claims } = await requireRole(event, ['trainee']);
	const path = await curriculum.getTrackPath(claims, event.params.track);
	if (!path) error(404, 'not found');
	const added = Number(event.url.searchParams.get('added'));
	return { ...path, added: Number.isInteger(added) && added >= 0 && event.url.searchParams.has('added') ? added : null };
}) satisfies PageServerLoad;
