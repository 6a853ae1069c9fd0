import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { testTypes } from '$lib/mock-tests/blueprints';
import { requireRole } from '$lib/server/auth/guard';
import { AttemptError, start } from '$lib/server/mock-tests/attempts';
import { formCounts, listMine } from '$lib/server/mock-tests/results';

export const load = (async (event) => {
	const { claims } = await requireRole(event, ['trainee']);
	const [forms, attempts] = await Promise.all([formCounts(claims), listMine(claims)]);
	return { forms, attempts };
}) satisfies PageServerLoad;

const startForm = z.object({ test: z.enum(testTypes), practice: z.enum(['0', '1']).default('0') });

export const actions = {
	start: async (event) => {
		const { claims } = await requireRole(event, ['trainee']);
		const data = await event.request.formData();
		const parsed = startForm.safeParse({ test: data.get('test'), practice: data.get('practice') ?? undefined });
		if (!parsed.success) error(400, 'unknown test');
		let attemptId: string;
		try {
			attemptId = await start(claims, parsed.data.test, parsed.data.practice === '1');
		} catch (failure) {
			if (failure instanceof AttemptError) return fail(409, { test: parsed.data.test, notReady: true });
			throw failure;
		}
		redirect(303, `/tests/${attemptId}`);
	}
} satisfies Actions;
