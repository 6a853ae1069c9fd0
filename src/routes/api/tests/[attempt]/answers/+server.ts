import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import type { RequestHandler } from './$types';
import { requireApiRole } from '$lib/server/auth/guard';
import { AttemptError, saveAnswer } from '$lib/server/mock-tests/attempts';

const answer = z.strictObject({
	itemId: z.string().min(1).max(100).regex(/^[\w.:-]+$/),
	section: z.number().int().min(0).max(10),
	choice: z.number().int().min(0).max(3)
});

/** Saves one answer of an attempt as it is given. 409 once the section has closed (time up or submitted). */
export const POST: RequestHandler = async (event) => {
	const { claims } = await requireApiRole(event, ['trainee']);
	if (!z.uuid().safeParse(event.params.attempt).success) error(404, 'no such attempt');
	const parsed = answer.safeParse(await event.request.json().catch(() => null));
	if (!parsed.success) error(400, 'expected { itemId, section, choice (0-3) }');
	try {
		await saveAnswer(claims, event.params.attempt, parsed.data.itemId, parsed.data.section, parsed.data.choice);
	} catch (failure) {
		if (failure instanceof AttemptError) error(409, failure.message);
		throw failure;
	}
	return json({ saved: true });
};
