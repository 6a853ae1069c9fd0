import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireApiRole } from '$lib/server/auth/guard';
import * as ministry from '$lib/server/ministry';
import { labels } from '$lib/ministry/labels';
import { tables, TABLE_IDS, type TableId } from '$lib/ministry/tables';
import { toCsv } from '$lib/ministry/csv';

/** One table of the ministry view as CSV, with the same filters and the same suppression as the page. */
export const GET: RequestHandler = async (event) => {
	const { claims } = await requireApiRole(event, ['ministry_viewer']);
	const id = event.params.table.replace(/\.csv$/, '');
	if (!(TABLE_IDS as readonly string[]).includes(id)) error(404, 'no such table');
	const filters = ministry.parseFilters(event.url.searchParams);
	if (!filters) error(400, 'unknown filter value');
	const table = tables(await ministry.overview(claims, filters), labels()).find((t) => t.id === (id as TableId))!;
	return new Response(toCsv(table.header, table.rows), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="hashi-${id}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
