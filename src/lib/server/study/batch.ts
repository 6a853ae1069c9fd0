import { z } from 'zod';

export const MAX_BATCH = 2000;
/** How far ahead of the server's clock a phone's clock may run before a review counts as from the future. */
export const CLOCK_SKEW_MS = 5 * 60_000;
const OLDEST_MS = 400 * 86_400_000;

export const studyModes = ['recognition', 'recall', 'reading', 'listening', 'cloze'] as const;

export const batchShape = z.object({ reviews: z.array(z.unknown()).min(1).max(MAX_BATCH) });

export function reviewShape(now: Date) {
	return z.strictObject({
		id: z.uuid(),
		cardId: z.string().min(1).max(100).refine((id) => !id.includes('\u0000'), 'not a card id'),
		rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
		reviewedAt: z.iso
			.datetime({ offset: true })
			.refine((at) => Date.parse(at) <= now.getTime() + CLOCK_SKEW_MS, 'reviewed in the future')
			.refine((at) => Date.parse(at) >= now.getTime() - OLDEST_MS, 'reviewed too long ago'),
		durationMs: z.number().int().min(0).max(3_600_000),
		mode: z.enum(studyModes),
		overridden: z.boolean().default(false)
	});
}

export type ReviewEntry = z.infer<ReturnType<typeof reviewShape>>;
