import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import * as cohorts from '$lib/server/cohorts';
import * as expected from '$lib/server/cohorts/expected';
import { MAX_BYTES, counts, parseRoster, type ImportRow } from '$lib/cohorts/csv-import';

/** The signed-in staff member and the cohort they teach or administer (404 otherwise: RLS hides it). */
async function staffCohort(event: RequestEvent) {
	const { claims } = await requireRole(event, ['instructor', 'center_admin']);
	const id = z.uuid().safeParse(event.params.id);
	const cohort = id.success ? await cohorts.get(claims, id.data) : null;
	if (!cohort) error(404, 'not found');
	return { claims, cohort };
}

export const load = (async (event) => {
	const { claims, cohort } = await staffCohort(event);
	return { cohort, expected: await expected.list(claims, cohort.id) };
}) satisfies PageServerLoad;

const summary = (rows: ImportRow[]) => ({ rows, ...counts(rows) });

export const actions = {
	// Reads the upload and shows every row with its problems; the file's text comes back in a hidden field.
	preview: async (event) => {
		const { claims, cohort } = await staffCohort(event);
		const file = (await event.request.formData()).get('roster');
		if (!(file instanceof File) || file.size === 0) return fail(400, { problem: 'cohort_import_file_missing' });
		if (file.size > MAX_BYTES) return fail(400, { problem: 'cohort_import_file_too_large' });
		const csv = await file.text();
		const parsed = parseRoster(csv);
		if (!parsed.ok) return fail(400, { problem: `cohort_import_${parsed.problem}` });
		return { preview: summary(await expected.preview(claims, cohort.id, parsed.rows)), csv };
	},
	// Checks the same text again from scratch (the hidden field is input like any other) and adds the good rows.
	import: async (event) => {
		const { claims, cohort } = await staffCohort(event);
		const csv = z.string().max(MAX_BYTES * 2).safeParse((await event.request.formData()).get('csv'));
		if (!csv.success) return fail(400, { problem: 'cohort_import_file_missing' });
		const parsed = parseRoster(csv.data);
		if (!parsed.ok) return fail(400, { problem: `cohort_import_${parsed.problem}` });
		const result = await expected.importRows(claims, cohort.id, parsed.rows);
		return { imported: { added: result.added, ...counts(result.rows) } };
	}
} satisfies Actions;
