import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { RequestHandler } from './$types';
import { requireApiRole } from '$lib/server/auth/guard';
import * as work from '$lib/server/work-tasks';
import { audioResponse } from '$lib/server/work-tasks/range';

// The row is read under RLS first: only the trainee who recorded it and their cohort's staff get the file.
export const GET: RequestHandler = async (event) => {
	const { claims } = await requireApiRole(event, ['trainee', 'instructor', 'center_admin']);
	const id = z.uuid().safeParse(event.params.submission);
	if (!id.success) error(404, 'not found');
	const found = await work.audio(claims, id.data);
	if (!found) error(404, 'not found');
	return audioResponse(found.bytes, found.type, event.request.headers.get('range'));
};
