import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import * as ministry from '$lib/server/ministry';
import { labels } from '$lib/ministry/labels';
import { tables } from '$lib/ministry/tables';

export const load = (async (event) => {
	const { claims } = await requireRole(event, ['ministry_viewer']);
	const parsed = ministry.parseFilters(event.url.searchParams);
	const filters = parsed ?? {};
	const [view, options] = await Promise.all([ministry.overview(claims, filters), ministry.filterOptions(claims)]);
	// Only suppressed tables leave the server; the query string is passed on to the CSV links as it was applied.
	return {
		filters,
		badFilter: parsed === null,
		query: new URLSearchParams(filters as Record<string, string>).toString(),
		options,
		tables: tables(view, labels()),
		readinessAsOf: view.readiness.oldest
	};
}) satisfies PageServerLoad;
