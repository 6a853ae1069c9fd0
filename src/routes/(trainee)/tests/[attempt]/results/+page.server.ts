import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { blueprints } from '$lib/mock-tests/blueprints';
import { requireRole } from '$lib/server/auth/guard';
import * as results from '$lib/server/mock-tests/results';

export const load = (async (event) => {
	const { claims } = await requireRole(event, ['trainee']);
	if (!z.uuid().safeParse(event.params.attempt).success) error(404, 'not found');
	const attempt = await results.load(claims, event.params.attempt);
	// Not finished yet: keys stay hidden until the last section is in.
	if (!attempt) redirect(303, `/tests/${event.params.attempt}`);
	return { attempt, blueprint: blueprints[attempt.test] };
}) satisfies PageServerLoad;
