import type { RequestEvent } from '@sveltejs/kit';
import type { SignUpInput } from '$lib/auth/forms';
import type { Identifier } from '$lib/auth/identifier';
import type { Claims } from '../db/types';

export type SignUpFailure = { ok: false; field: 'inviteCode' | 'identifier' | 'form'; code: SignUpErrorCode };
export type SignUpErrorCode = 'invite_invalid' | 'invite_email_mismatch' | 'identifier_taken' | 'unavailable';
/** A cohort's invite code makes a trainee; a center admin's invitation code, an instructor. */
export type SignedUpAs = 'trainee' | 'instructor';

/** One interface for the embedded (local) and the Supabase sign-in; see DESIGN.md, Auth. */
export interface AuthProvider {
	readonly name: 'local' | 'supabase';
	/** The verified user of this request, or null; may renew the session cookies. */
	authenticate(event: RequestEvent): Promise<Claims | null>;
	/** Checks the password and starts a session; null when they do not match (never says which part). */
	signIn(event: RequestEvent, identifier: Identifier, password: string): Promise<Claims | null>;
	signUp(
		event: RequestEvent,
		input: SignUpInput,
		locale: 'id' | 'en' | 'ja'
	): Promise<{ ok: true; claims: Claims; as: SignedUpAs } | SignUpFailure>;
	signOut(event: RequestEvent): Promise<void>;
	/** False when the current password is wrong. Other sessions of the user end. */
	changePassword(event: RequestEvent, claims: Claims, currentPassword: string, newPassword: string): Promise<boolean>;
}
