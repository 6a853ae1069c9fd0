import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireApiRole } from '$lib/server/auth/guard';
import * as deck from '$lib/server/study/deck';

/** The cards and settings a trainee's phone keeps for the next days. ?tz= minutes east of UTC (WITA: 480). */
export const GET: RequestHandler = async (event) => {
	const { claims } = await requireApiRole(event, ['trainee']);
	const tz = Number(event.url.searchParams.get('tz') ?? 0);
	const tzOffset = Number.isInteger(tz) && Math.abs(tz) <= 14 * 60 ? tz : 0;
	return json(await deck.load(claims, tzOffset), { headers: { 'cache-control': 'no-store' } });
};
