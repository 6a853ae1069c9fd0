import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import * as center from '$lib/server/cohorts/center';
import { trail } from '$lib/server/privacy/audit';

export const load = (async (event) => {
	const { claims } = await requireRole(event, ['center_admin']);
	const centers = await center.administered(claims);
	const wanted = z.uuid().safeParse(event.url.searchParams.get('center'));
	const current = wanted.success ? centers.find((c) => c.id === wanted.data) : centers[0];
	if (!current) error(404, 'not found');
	const before = z.coerce.number().int().positive().safeParse(event.url.searchParams.get('before') ?? undefined);
	return { center: current, ...(await trail(claims, current.id, before.success ? before.data : null)) };
}) satisfies PageServerLoad;
