import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import * as work from '$lib/server/work-tasks';

const assignmentId = z.uuid();
// As the recorder measured it; absent (null) for a picked file.
const durationMs = z.coerce.number().int().min(1).max(3_600_000).nullable().catch(null);

export const load = (async (event) => {
	const { claims } = await requireRole(event, ['trainee']);
	const id = assignmentId.safeParse(event.params.assignment);
	if (!id.success) error(404, 'not found');
	// Row-level security shows only work tasks of the trainee's own cohorts.
	const found = await work.forTrainee(claims, id.data);
	if (!found) error(404, 'not found');
	return found;
}) satisfies PageServerLoad;

export const actions = {
	submit: async (event) => {
		const { claims } = await requireRole(event, ['trainee']);
		const id = assignmentId.safeParse(event.params.assignment);
		if (!id.success) error(404, 'not found');
		const found = await work.forTrainee(claims, id.data);
		if (!found) error(404, 'not found');
		const data = await event.request.formData();
		if (found.task.mode === 'written') {
			const body = data.get('body');
			const result = await work.submitWritten(claims, id.data, body);
			if ('error' in result) return fail(400, { workError: result.error, body: typeof body === 'string' ? body.slice(0, 8000) : '' });
			return { submitted: result.id };
		}
		const duration = data.get('durationMs');
		const result = await work.submitSpoken(claims, id.data, data.get('audio'), durationMs.parse(duration === '' ? null : duration));
		if ('error' in result) return fail(400, { workError: result.error });
		return { submitted: result.id };
	}
} satisfies Actions;
