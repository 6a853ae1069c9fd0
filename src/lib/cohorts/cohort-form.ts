import { z } from 'zod';
import { storable } from '$lib/forms/storable';

// Issues carry message keys (messages/*.json), as in src/lib/auth/forms.ts.
export type CohortFormErrorKey =
	| 'error_required'
	| 'cohort_manage_error_name'
	| 'cohort_manage_error_sector'
	| 'cohort_manage_error_exam'
	| 'cohort_manage_error_date'
	| 'cohort_manage_error_prefecture'
	| 'cohort_manage_error_retention'
	| 'cohort_manage_error_new_cards'
	| 'cohort_manage_error_center'
	| 'abuse_text_unstorable';

export const sectors = ['caregiving', 'manufacturing', 'hospitality'] as const;
export const targetExams = ['jlpt_n5', 'jlpt_n4', 'jft_basic', 'caregiving_japanese'] as const;

export const COHORT_FIELDS = [
	'name',
	'sector',
	'targetExam',
	'departureDate',
	'destinationPrefecture',
	'desiredRetention',
	'newCardsPerDay'
] as const;
export type CohortField = (typeof COHORT_FIELDS)[number];

/** A real calendar day written YYYY-MM-DD (what a date input sends). */
function isCalendarDate(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && value >= '2000-01-01' && value <= '2100-12-31';
}

/** A decimal as typed in Indonesia or Japan: "0,9" and "0.9" are the same. */
const decimal = (key: CohortFormErrorKey) =>
	z
		.string()
		.trim()
		.min(1, 'error_required')
		.transform((value) => value.replace(',', '.'))
		.pipe(z.string().regex(/^\d+(\.\d+)?$/, key))
		.transform(Number);

export const cohortSchema = z.object({
	name: z.string().trim().min(1, 'error_required').min(2, 'cohort_manage_error_name').max(120, 'cohort_manage_error_name').refine(storable, 'abuse_text_unstorable'),
	sector: z.enum(sectors, 'cohort_manage_error_sector'),
	targetExam: z.enum(targetExams, 'cohort_manage_error_exam'),
	departureDate: z.string().trim().min(1, 'error_required').refine(isCalendarDate, 'cohort_manage_error_date'),
	destinationPrefecture: z
		.string()
		.trim()
		.min(1, 'error_required')
		.min(2, 'cohort_manage_error_prefecture')
		.max(40, 'cohort_manage_error_prefecture')
		.refine(storable, 'abuse_text_unstorable'),
	// The database keeps two decimals (numeric(3,2)).
	desiredRetention: decimal('cohort_manage_error_retention')
		.pipe(z.number().min(0.7, 'cohort_manage_error_retention').max(0.97, 'cohort_manage_error_retention'))
		.transform((value) => Math.round(value * 100) / 100),
	newCardsPerDay: decimal('cohort_manage_error_new_cards').pipe(
		z.number().int('cohort_manage_error_new_cards').min(0, 'cohort_manage_error_new_cards').max(100, 'cohort_manage_error_new_cards')
	)
});
export type CohortInput = z.infer<typeof cohortSchema>;

export const newCohortSchema = cohortSchema.extend({ centerId: z.uuid('cohort_manage_error_center') });
export type NewCohortInput = z.infer<typeof newCohortSchema>;

/** The first problem with each field, as message keys. */
export function cohortFieldErrors(error: z.ZodError): Partial<Record<string, CohortFormErrorKey>> {
	const errors: Partial<Record<string, CohortFormErrorKey>> = {};
	for (const issue of error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= issue.message as CohortFormErrorKey;
	}
	return errors;
}
