import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { RequestHandler } from './$types';
import { csvFileName, toCsv } from '$lib/dashboard/csv';
import { requireRole } from '$lib/server/auth/guard';
import { localToday } from '$lib/server/dashboard';
import { traineeTable, traineeTables } from '$lib/server/dashboard/export';
import { forTrainee } from '$lib/server/dashboard/trainee';

const params = z.object({ id: z.uuid(), user: z.uuid(), table: z.enum(traineeTables) });

/** One of the trainee page's tables as a CSV file. */
export const GET = (async (event) => {
	const { claims } = await requireRole(event, ['instructor', 'center_admin']);
	const parsed = params.safeParse(event.params);
	if (!parsed.success) error(404, 'not found');
	const now = new Date();
	const view = await forTrainee(claims, parsed.data.id, parsed.data.user, now);
	if (!view) error(404, 'not found');
	const name = csvFileName(view.displayName, parsed.data.table, localToday(now, view.tzOffsetMinutes));
	return new Response(toCsv(traineeTable(view, parsed.data.table)), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${name}"`,
			'cache-control': 'private, no-store'
		}
	});
}) satisfies RequestHandler;
