import { describe, expect, it } from 'vitest';
import { changePasswordSchema, signInSchema, signUpSchema } from '$lib/auth/forms';
import { cohortSchema } from '$lib/cohorts/cohort-form';
import { storable } from './storable';

describe('text the database cannot store', () => {
	it('is any text with U+0000', () => {
		expect(storable('Budi Santoso')).toBe(true);
		expect(storable('Bu\u0000di')).toBe(false);
	});

	it('is refused by the forms with its own message, before it reaches the database', () => {
		const signIn = signInSchema.safeParse({ identifier: 'siti@example.id', password: 'rahasia\u0000' });
		expect(signIn.success ? null : signIn.error.issues[0]?.message).toBe('abuse_text_unstorable');
		const signUp = signUpSchema.safeParse({ inviteCode: 'KAGAWA27', displayName: 'Bu\u0000di', identifier: '081234567890', password: 'kuat-sekali-2027', privacyNotice: '2026-11-24' });
		expect(signUp.success ? null : signUp.error.issues.map((i) => i.message)).toEqual(['abuse_text_unstorable']);
		const change = changePasswordSchema.safeParse({ currentPassword: 'lama\u0000', newPassword: 'baru-sekali-2027', confirmPassword: 'baru-sekali-2027' });
		expect(change.success ? null : change.error.issues[0]?.message).toBe('abuse_text_unstorable');
		const cohort = cohortSchema.safeParse({ name: 'Kaigo\u0000', sector: 'caregiving', targetExam: 'jlpt_n5', departureDate: '2027-06-01', destinationPrefecture: 'Kagawa', desiredRetention: '0.9', newCardsPerDay: '10' });
		expect(cohort.success ? null : cohort.error.issues[0]?.message).toBe('abuse_text_unstorable');
	});
});
