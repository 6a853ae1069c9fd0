import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { parseTzOffset, TZ_COOKIE } from '$lib/progress/days';
import * as progress from '$lib/server/study/progress';

export const load = (async (event) => {
	const { claims } = await requireRole(event, ['trainee']);
	// The phone's zone, which the page stores in a cookie on first visit; WIB until then.
	const tzOffsetMinutes = parseTzOffset(event.cookies.get(TZ_COOKIE));
	return { progress: await progress.load(claims, tzOffsetMinutes) };
}) satisfies PageServerLoad;
