import { z } from 'zod';
import { buildView } from '$lib/ministry/view';
import { DIMENSIONS, STATUSES, type Aggregates, type Dimension, type Filters, type MinistryView, type ParentFigures, type Status, type StatusRow } from '$lib/ministry/types';
import { storable } from '$lib/forms/storable';
import { withUser } from '../db';
import type { Claims, Sql } from '../db/types';

/** What the filter form sends; anything else is a clear 400, never a query. */
export const filterShape = z.object({
	province: z.string().trim().min(1).max(100).refine(storable).optional(),
	center: z.uuid().optional(),
	sector: z.enum(['caregiving', 'manufacturing', 'hospitality']).optional(),
	destination: z.string().trim().min(1).max(40).refine(storable).optional(),
	departure: z.string().regex(/^(\d{4}-(0[1-9]|1[0-2])|none)$/).optional()
});

/** The filters in a query string (empty values mean "all"); null when one is malformed. */
export function parseFilters(params: URLSearchParams): Filters | null {
	const raw: Record<string, string> = {};
	for (const d of DIMENSIONS) {
		const value = params.get(d)?.trim();
		if (value) raw[d] = value;
	}
	const parsed = filterShape.safeParse(raw);
	return parsed.success ? parsed.data : null;
}

function args(f: Filters): (string | null)[] {
	return [f.sector ?? null, f.province ?? null, f.center ?? null, f.destination ?? null, f.departure ?? null];
}

const FILTER_ARGS = '$1::text, $2::text, $3::uuid, $4::text, $5::text';

/** The views this one narrows: no filter at all, and each filter left out in turn. */
function parentsOf(f: Filters): Filters[] {
	const set = Object.keys(f) as Dimension[];
	if (set.length === 0) return [];
	const parents: Filters[] = [{}];
	if (set.length > 1) for (const leave of set) parents.push(Object.fromEntries(set.filter((d) => d !== leave).map((d) => [d, f[d]])));
	return parents;
}

/** The sums of one filtered population; with totalsOnly, the status totals without the breakdowns. */
async function population(sql: Sql, f: Filters, totalsOnly: boolean): Promise<Omit<Aggregates, 'parents'>> {
	const status = (
		await sql.query<{ dimension: StatusRow['dimension']; key: string; label: string; status: Status; trainees: string }>(
			`select dimension, key, label, status, trainees from public.ministry_status(${FILTER_ARGS}, $6)`,
			[...args(f), totalsOnly]
		)
	).map((row) => ({ ...row, trainees: Number(row.trainees) }));
	const months = (
		await sql.query<{ month: string; joined: string; departed: string; active: string; reviews: string }>(
			`select to_char(month, 'YYYY-MM') as month, joined, departed, active_trainees as active, reviews from public.ministry_months(${FILTER_ARGS})`,
			args(f)
		)
	).map((m) => ({ month: m.month, joined: Number(m.joined), departed: Number(m.departed), activeTrainees: Number(m.active), reviews: Number(m.reviews) }));
	const tests = (
		await sql.query<{ exam: string; takers: string; passers: string; attempts: string; passed_attempts: string }>(
			`select exam, takers, passers, attempts, passed_attempts from public.ministry_tests(${FILTER_ARGS})`,
			args(f)
		)
	).map((t) => ({ exam: t.exam, takers: Number(t.takers), passers: Number(t.passers), attempts: Number(t.attempts), passedAttempts: Number(t.passed_attempts) }));
	const [r] = await sql.query<{ ready: string; on_track: string; at_risk: string; oldest: string | null }>(
		`select ready, on_track, at_risk, to_char(oldest at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as oldest
		 from public.ministry_readiness(${FILTER_ARGS})`,
		args(f)
	);
	return {
		status,
		months,
		tests,
		readiness: { ready: Number(r?.ready ?? 0), onTrack: Number(r?.on_track ?? 0), atRisk: Number(r?.at_risk ?? 0), oldest: r?.oldest ?? null }
	};
}

/**
 * The database's sums for a filter and for the views it narrows, read through the ministry functions as the
 * viewer (they refuse anyone else). Sums over cohorts, some small: only for buildView, never for a response.
 */
export async function aggregates(claims: Claims, f: Filters): Promise<Aggregates> {
	return withUser(claims, async (sql) => {
		const own = await population(sql, f, false);
		const parents: ParentFigures[] = [];
		for (const filters of parentsOf(f)) {
			const p = await population(sql, filters, true);
			const totals = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
			for (const row of p.status) if (row.dimension === 'total') totals[row.status] += row.trainees;
			parents.push({ totals, months: p.months, tests: p.tests, readiness: p.readiness });
		}
		return { ...own, parents };
	});
}

/** The ministry view for a filter: every figure suppressed as it must be. The only thing routes send. */
export async function overview(claims: Claims, f: Filters): Promise<MinistryView> {
	return buildView(await aggregates(claims, f));
}

export interface FilterOption {
	key: string;
	label: string;
}

/** What each filter can choose from (names of places and centers, no counts). */
export async function filterOptions(claims: Claims): Promise<Record<Exclude<Dimension, 'sector'>, FilterOption[]>> {
	const rows = await withUser(claims, (sql) =>
		sql.query<{ dimension: Exclude<Dimension, 'sector'>; key: string; label: string }>('select dimension, key, label from public.ministry_filter_options()')
	);
	const options: Record<Exclude<Dimension, 'sector'>, FilterOption[]> = { province: [], center: [], destination: [], departure: [] };
	for (const row of rows) options[row.dimension]?.push({ key: row.key, label: row.label });
	for (const list of Object.values(options)) list.sort((a, b) => a.label.localeCompare(b.label));
	return options;
}
