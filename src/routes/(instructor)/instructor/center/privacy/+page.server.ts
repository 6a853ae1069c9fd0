import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { MAX_RETENTION_MONTHS } from '$lib/privacy/notice';
import { requireRole } from '$lib/server/auth/guard';
import * as center from '$lib/server/cohorts/center';
import * as deletion from '$lib/server/privacy/deletion';
import { retentionMonths, setRetentionMonths } from '$lib/server/privacy/retention';

async function adminAndCenter(event: RequestEvent) {
	const { claims } = await requireRole(event, ['center_admin']);
	const centers = await center.administered(claims);
	const wanted = z.uuid().safeParse(event.url.searchParams.get('center'));
	const current = wanted.success ? centers.find((c) => c.id === wanted.data) : centers[0];
	if (!current) error(404, 'not found');
	return { claims, current };
}

export const load = (async (event) => {
	const { claims, current } = await adminAndCenter(event);
	const [pending, months] = await Promise.all([deletion.pendingForAdmin(claims), retentionMonths(claims, current.id)]);
	return { center: current, pending, months: months ?? 24, maxMonths: MAX_RETENTION_MONTHS };
}) satisfies PageServerLoad;

const months = z.coerce.number().int().min(0).max(MAX_RETENTION_MONTHS);

export const actions = {
	retention: async (event) => {
		const { claims, current } = await adminAndCenter(event);
		const typed = String((await event.request.formData()).get('months') ?? '');
		const parsed = months.safeParse(typed.trim() === '' ? undefined : typed);
		if (!parsed.success) return fail(400, { retentionError: 'privacy_retention_invalid', typed });
		if (!(await setRetentionMonths(claims, current.id, parsed.data))) error(403, 'forbidden');
		return { retentionSaved: parsed.data };
	},
	// Two steps, no JavaScript needed: the first press asks, the second (confirm=yes) deletes.
	confirm: async (event) => {
		const { claims } = await adminAndCenter(event);
		const data = await event.request.formData();
		const person = z.uuid().safeParse(data.get('person'));
		if (!person.success) return fail(400, { deletionError: 'privacy_deletion_unknown' });
		if (data.get('confirm') !== 'yes') return { asking: person.data };
		const outcome = await deletion.confirm(claims, person.data);
		if (outcome.kind === 'not_found') return fail(404, { deletionError: 'privacy_deletion_unknown' });
		if (outcome.kind === 'held') return fail(409, { deletionError: 'privacy_deletion_held', heldUntil: outcome.until });
		return { deleted: outcome.recordings };
	}
} satisfies Actions;
