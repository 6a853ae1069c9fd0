import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { testTypes } from '$lib/mock-tests/blueprints';
import * as assignments from '$lib/server/mock-tests/assignments';
import { requireRole } from '$lib/server/auth/guard';
import * as cohorts from '$lib/server/cohorts';
import * as expectedTrainees from '$lib/server/cohorts/expected';
import * as readiness from '$lib/server/readiness';
import * as work from '$lib/server/assignments';
import { parseAssignmentForm } from '$lib/server/assignments/form';

const params = z.object({ id: z.uuid(), page: z.coerce.number().int().min(1).max(10_000).catch(1) });

export const load = (async (event) => {
	const { claims } = await requireRole(event, ['instructor', 'center_admin']);
	const parsed = params.safeParse({ id: event.params.id, page: event.url.searchParams.get('page') ?? 1 });
	if (!parsed.success) error(404, 'not found');
	// Row-level security returns nothing for a cohort this person does not teach or administer.
	const cohort = await cohorts.get(claims, parsed.data.id);
	if (!cohort) error(404, 'not found');
	const [{ trainees, hasMore }, assigned, expected] = await Promise.all([
		cohorts.listTrainees(claims, cohort.id, parsed.data.page),
		assignments.forCohort(claims, cohort.id),
		expectedTrainees.list(claims, cohort.id)
	]);
	return { cohort, trainees, page: parsed.data.page, hasMore, assigned, expected, readiness: await readiness.forCohort(claims, cohort.id, new Date()), work: await work.panel(claims, cohort.id) };
}) satisfies PageServerLoad;

// "YYYY-MM-DDTHH:mm" from a datetime-local field, in the instructor's zone (minutes east of UTC; WIB if unknown).
const localTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
const assignForm = z.object({
	test: z.enum(testTypes),
	opensAt: localTime,
	closesAt: localTime,
	tz: z.coerce.number().int().min(-720).max(840).catch(420)
});
const toInstant = (local: string, tz: number) => new Date(Date.parse(`${local}:00Z`) - tz * 60_000);

export const actions = {
	assign: async (event) => {
		const { claims } = await requireRole(event, ['instructor', 'center_admin']);
		if (!z.uuid().safeParse(event.params.id).success) error(404, 'not found');
		const data = await event.request.formData();
		const parsed = assignForm.safeParse(Object.fromEntries(['test', 'opensAt', 'closesAt', 'tz'].map((k) => [k, data.get(k) ?? undefined])));
		if (!parsed.success) return fail(400, { assignError: 'assign_bad_window' });
		const opensAt = toInstant(parsed.data.opensAt, parsed.data.tz);
		const closesAt = toInstant(parsed.data.closesAt, parsed.data.tz);
		if (closesAt <= opensAt) return fail(400, { assignError: 'assign_bad_window' });
		// Row-level security refuses a cohort this person does not teach or administer.
		if (!(await cohorts.get(claims, event.params.id))) error(404, 'not found');
		await assignments.assign(claims, event.params.id, parsed.data.test, opensAt, closesAt);
		return { assigned: true };
	},
	withdraw: async (event) => {
		const { claims } = await requireRole(event, ['instructor', 'center_admin']);
		const id = z.uuid().safeParse((await event.request.formData()).get('assignment'));
		if (!id.success || !(await assignments.withdraw(claims, id.data))) error(404, 'not found');
		return { withdrawn: true };
	},
	assignLesson: async (event) => {
		const { claims } = await requireRole(event, ['instructor', 'center_admin']);
		if (!z.uuid().safeParse(event.params.id).success) error(404, 'not found');
		const input = parseAssignmentForm(await event.request.formData());
		if ('error' in input) return fail(400, { assignmentError: input.error });
		if (input.kind === 'work_task') return fail(400, { assignmentError: 'assignment_bad_lesson' });
		// Only lessons and tracks of this cohort's curriculum (nothing is offered for a cohort one cannot see).
		const choices = await work.lessonChoices(claims, event.params.id);
		const known = input.kind === 'lesson' ? choices.some((l) => l.lessonId === input.lessonId) : input.trackId === null || choices.some((l) => l.trackId === input.trackId);
		if (!known) return fail(400, { assignmentError: input.kind === 'lesson' ? 'assignment_bad_lesson' : 'assignment_bad_target' });
		await work.create(claims, event.params.id, input);
		return { assignmentCreated: true };
	},
	assignWorkTask: async (event) => {
		const { claims } = await requireRole(event, ['instructor', 'center_admin']);
		if (!z.uuid().safeParse(event.params.id).success) error(404, 'not found');
		const input = parseAssignmentForm(await event.request.formData());
		if ('error' in input || input.kind !== 'work_task') return fail(400, { workTaskError: 'work_bad_task' });
		// Row-level security refuses a cohort this person does not teach or administer.
		if (!(await cohorts.get(claims, event.params.id))) error(404, 'not found');
		await work.create(claims, event.params.id, input);
		return { workTaskCreated: true };
	},
	withdrawAssignment: async (event) => {
		const { claims } = await requireRole(event, ['instructor', 'center_admin']);
		const id = z.uuid().safeParse((await event.request.formData()).get('assignment'));
		if (!id.success || !(await work.withdraw(claims, id.data))) error(404, 'not found');
		return { assignmentWithdrawn: true };
	}
} satisfies Actions;
