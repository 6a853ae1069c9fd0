import { z } from 'zod';
import { parseIdentifier, type Identifier } from './identifier';
import { PRIVACY_NOTICE_VERSION } from '$lib/privacy/notice';
import { storable } from '$lib/forms/storable';

// Issues carry message keys (see messages/*.json) so each page shows them in the reader's language.
export type FormErrorKey =
	| 'error_required'
	| 'error_identifier_invalid'
	| 'error_password_short'
	| 'error_password_long'
	| 'error_name_length'
	| 'error_invite_format'
	| 'error_passwords_differ'
	| 'privacy_agree_required'
	| 'abuse_text_unstorable';

const identifier = z
	.string()
	.trim()
	.min(1, 'error_required')
	.transform((value, ctx): Identifier => {
		const parsed = parseIdentifier(value);
		if (!parsed) {
			ctx.addIssue({ code: 'custom', message: 'error_identifier_invalid' });
			return z.NEVER;
		}
		return parsed;
	});

// bcrypt reads at most 72 bytes; longer passwords would be silently cut.
const newPassword = z.string().min(8, 'error_password_short').max(72, 'error_password_long').refine(storable, 'abuse_text_unstorable');

export const signUpSchema = z.object({
	inviteCode: z
		.string()
		.trim()
		.min(1, 'error_required')
		.transform((code) => code.toUpperCase().replace(/[\s-]/g, ''))
		.pipe(z.string().regex(/^[A-Z0-9]{6,12}$/, 'error_invite_format')),
	displayName: z.string().trim().min(1, 'error_required').max(120, 'error_name_length').refine(storable, 'abuse_text_unstorable'),
	identifier,
	password: newPassword,
	// The box carries the version of the notice the page showed; an older page's agreement is asked for again.
	privacyNotice: z.string().refine((version) => version === PRIVACY_NOTICE_VERSION, 'privacy_agree_required')
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
	identifier,
	password: z.string().min(1, 'error_required').max(200, 'error_password_long').refine(storable, 'abuse_text_unstorable')
});
export type SignInInput = z.infer<typeof signInSchema>;

export const changePasswordSchema = z
	.object({
		currentPassword: z.string().min(1, 'error_required').max(200, 'error_password_long').refine(storable, 'abuse_text_unstorable'),
		newPassword,
		confirmPassword: z.string()
	})
	.refine((form) => form.newPassword === form.confirmPassword, {
		message: 'error_passwords_differ',
		path: ['confirmPassword']
	});

/** The first problem with each field, as message keys. */
export function fieldErrors(error: z.ZodError): Record<string, FormErrorKey> {
	const errors: Record<string, FormErrorKey> = {};
	for (const issue of error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= issue.message as FormErrorKey;
	}
	return errors;
}

/** Text fields of a submitted form, for parsing with a schema; a missing field becomes ''. */
export function formFields<const Name extends string>(data: FormData, names: readonly Name[]): Record<Name, string> {
	return Object.fromEntries(
		names.map((name) => {
			const value = data.get(name);
			return [name, typeof value === 'string' ? value : ''];
		})
	) as Record<Name, string>;
}
