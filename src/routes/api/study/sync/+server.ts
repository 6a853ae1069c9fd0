import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireApiRole } from '$lib/server/auth/guard';
import { BatchError, syncReviews } from '$lib/server/study/sync';

/** Takes a batch of reviews made on the device; idempotent by review id. 422 lists what was refused and why. */
export const POST: RequestHandler = async (event) => {
	const { claims } = await requireApiRole(event, ['trainee']);
	let body: unknown;
	try {
		body = await event.request.json();
	} catch {
		error(400, 'the body must be JSON: { "reviews": [...] }');
	}
	try {
		const result = await syncReviews(claims, body);
		return json(result, { status: result.rejected.length > 0 ? 422 : 200 });
	} catch (failure) {
		if (failure instanceof BatchError) error(400, failure.message);
		throw failure;
	}
};
