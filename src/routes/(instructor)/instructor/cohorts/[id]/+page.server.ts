import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import * as cohorts from '$lib/server/cohorts';

const params = z.object({ id: z.uuid(), page: z.coerce.number().int().min(1).max(10_000).catch(1) });

export const load = (async (event) => {
	const { claims } = await requireRole(event, ['instructor', 'center_admin']);
	const parsed = params.safeParse({ id: event.params.id, page: event.url.searchParams.get('page') ?? 1 });
	if (!parsed.success) error(404, 'not found');
	// Row-level security returns nothing for a cohort this person does not teach or administer.
	const cohort = await cohorts.get(claims, parsed.data.id);
	if (!cohort) error(404, 'not found');
	const { trainees, hasMore } = await cohorts.listTrainees(claims, cohort.id, parsed.data.page);
	return { cohort, trainees, page: parsed.data.page, hasMore };
}) satisfies PageServerLoad;
