import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import * as dashboard from '$lib/server/dashboard';

// Charts, tables and CSV links all work from the server's HTML: the page ships no JavaScript of its own.
export const csr = false;

export const load = (async (event) => {
	const { claims } = await requireRole(event, ['instructor', 'center_admin']);
	const id = z.uuid().safeParse(event.params.id);
	if (!id.success) error(404, 'not found');
	// Null for a cohort this person neither teaches nor administers: row-level security shows them nothing.
	const view = await dashboard.forCohort(claims, id.data, new Date());
	if (!view) error(404, 'not found');
	return { dashboard: view };
}) satisfies PageServerLoad;
