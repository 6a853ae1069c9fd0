import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import * as cohorts from '$lib/server/cohorts';
import { forTrainee } from '$lib/server/dashboard/trainee';

const params = z.object({ id: z.uuid(), user: z.uuid() });

// Charts, tables and CSV links all work from the server's HTML: the page ships no JavaScript of its own.
export const csr = false;

export const load = (async (event) => {
	const { claims } = await requireRole(event, ['instructor', 'center_admin']);
	const parsed = params.safeParse(event.params);
	if (!parsed.success) error(404, 'not found');
	const cohort = await cohorts.get(claims, parsed.data.id);
	if (!cohort) error(404, 'not found');
	// Null for someone not in this cohort: their record is not this page's to show.
	const trainee = await forTrainee(claims, cohort.id, parsed.data.user, new Date());
	if (!trainee) error(404, 'not found');
	return { cohort, trainee };
}) satisfies PageServerLoad;
