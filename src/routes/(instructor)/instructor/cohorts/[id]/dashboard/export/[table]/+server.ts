import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { RequestHandler } from './$types';
import { csvFileName, toCsv } from '$lib/dashboard/csv';
import { requireRole } from '$lib/server/auth/guard';
import * as dashboard from '$lib/server/dashboard';
import { cohortTable, cohortTables } from '$lib/server/dashboard/export';

const params = z.object({ id: z.uuid(), table: z.enum(cohortTables) });

/** One of the dashboard's tables as a CSV file, as the page shows it now. */
export const GET = (async (event) => {
	const { claims } = await requireRole(event, ['instructor', 'center_admin']);
	const parsed = params.safeParse(event.params);
	if (!parsed.success) error(404, 'not found');
	const view = await dashboard.forCohort(claims, parsed.data.id, new Date());
	if (!view) error(404, 'not found');
	const name = csvFileName(view.cohort.name, parsed.data.table, view.today);
	return new Response(toCsv(cohortTable(view, parsed.data.table)), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${name}"`,
			'cache-control': 'private, no-store'
		}
	});
}) satisfies RequestHandler;
