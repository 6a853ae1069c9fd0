import { describe, expect, it } from 'vitest';
import { cohortFieldErrors, cohortSchema, newCohortSchema } from './cohort-form';

const good = {
	name: '  Kaigo Kagawa 2028 ',
	sector: 'caregiving',
	targetExam: 'jft_basic',
	departureDate: '2028-03-15',
	destinationPrefecture: 'Kagawa',
	desiredRetention: '0.9',
	newCardsPerDay: '15'
};

const errorsFor = (input: Record<string, string>) => {
	const parsed = cohortSchema.safeParse(input);
	return parsed.success ? {} : cohortFieldErrors(parsed.error);
};

describe('cohort form', () => {
	it('parses what the form sends into a cohort', () => {
		expect(cohortSchema.parse(good)).toEqual({
			name: 'Kaigo Kagawa 2028',
			sector: 'caregiving',
			targetExam: 'jft_basic',
			departureDate: '2028-03-15',
			destinationPrefecture: 'Kagawa',
			desiredRetention: 0.9,
			newCardsPerDay: 15
		});
	});

	it('reads a decimal comma and keeps two decimals', () => {
		expect(cohortSchema.parse({ ...good, desiredRetention: '0,855' }).desiredRetention).toBe(0.86);
	});

	it('accepts the edges of each range', () => {
		for (const [desiredRetention, newCardsPerDay] of [['0.70', '0'], ['0.97', '100']]) {
			expect(cohortSchema.safeParse({ ...good, desiredRetention, newCardsPerDay }).success).toBe(true);
		}
	});

	it('names each bad field with a message key', () => {
		expect(
			errorsFor({
				name: 'A',
				sector: 'fishing',
				targetExam: 'jlpt_n1',
				departureDate: '2028-02-30',
				destinationPrefecture: 'x'.repeat(41),
				desiredRetention: '0.99',
				newCardsPerDay: '2.5'
			})
		).toEqual({
			name: 'cohort_manage_error_name',
			sector: 'cohort_manage_error_sector',
			targetExam: 'cohort_manage_error_exam',
			departureDate: 'cohort_manage_error_date',
			destinationPrefecture: 'cohort_manage_error_prefecture',
			desiredRetention: 'cohort_manage_error_retention',
			newCardsPerDay: 'cohort_manage_error_new_cards'
		});
	});

	it('asks for what is missing', () => {
		const errors = errorsFor({ ...good, name: ' ', departureDate: '', destinationPrefecture: '', desiredRetention: '', newCardsPerDay: '' });
		expect(errors).toEqual({
			name: 'error_required',
			departureDate: 'error_required',
			destinationPrefecture: 'error_required',
			desiredRetention: 'error_required',
			newCardsPerDay: 'error_required'
		});
	});

	it('refuses retention outside 0.70–0.97 and new cards outside 0–100', () => {
		expect(errorsFor({ ...good, desiredRetention: '0.69' })).toEqual({ desiredRetention: 'cohort_manage_error_retention' });
		expect(errorsFor({ ...good, desiredRetention: '90' })).toEqual({ desiredRetention: 'cohort_manage_error_retention' });
		expect(errorsFor({ ...good, newCardsPerDay: '101' })).toEqual({ newCardsPerDay: 'cohort_manage_error_new_cards' });
		expect(errorsFor({ ...good, newCardsPerDay: '-1' })).toEqual({ newCardsPerDay: 'cohort_manage_error_new_cards' });
	});

	it('needs a center for a new cohort', () => {
		const parsed = newCohortSchema.safeParse({ ...good, centerId: 'nope' });
		expect(parsed.success ? {} : cohortFieldErrors(parsed.error)).toEqual({ centerId: 'cohort_manage_error_center' });
	});
});
