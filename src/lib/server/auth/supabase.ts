import type { RequestEvent } from '@sveltejs/kit';
import { createServerClient } from '@supabase/ssr';
import type { SupabaseClient } from '@supabase/supabase-js';
import { formatPhone } from '$lib/auth/identifier';
import { asService } from '../db/service';
import { withUser } from '../db';
import type { Claims } from '../db/types';
import type { AuthProvider } from './provider';
import * as cohortInvites from './cohort-invites';
import * as instructorInvites from './instructor-invites';

export interface SupabaseSettings {
	url: string;
	anonKey: string;
}

export function supabaseSettings(): SupabaseSettings | null {
	const url = process.env.PUBLIC_SUPABASE_URL;
	const anonKey = process.env.PUBLIC_SUPABASE_ANON_KEY;
	return url && anonKey ? { url, anonKey } : null;
}

/**
 * Hashi never opens a Realtime channel, but supabase-js builds a Realtime client anyway and on Node 20 (no
 * global WebSocket) it throws unless given a transport. This one is never constructed.
 */
class NoRealtime {
	constructor() {
		throw new Error('Hashi does not use Supabase Realtime');
	}
}

/** One client per request, reading and writing the auth cookies through SvelteKit. */
function clientFor(event: RequestEvent, settings: SupabaseSettings): SupabaseClient {
	const existing = event.locals.supabase;
	if (existing) return existing;
	const client = createServerClient(settings.url, settings.anonKey, {
		realtime: { transport: NoRealtime as never },
		cookies: {
			getAll: () => event.cookies.getAll(),
			setAll: (cookies) => {
				for (const { name, value, options } of cookies) event.cookies.set(name, value, { ...options, path: '/' });
			}
		}
	});
	event.locals.supabase = client;
	return client;
}

function credentials(identifier: { kind: 'email' | 'phone'; value: string }) {
	return identifier.kind === 'email' ? { email: identifier.value } : { phone: formatPhone(identifier.value) };
}

/** Supabase Auth: the token is verified on the server (getClaims checks the signature), never trusted from the cookie. */
export function supabaseProvider(settings: SupabaseSettings): AuthProvider {
	async function verifiedClaims(client: SupabaseClient): Promise<Claims | null> {
		const { data, error } = await client.auth.getClaims();
		if (error || !data?.claims || data.claims.role !== 'authenticated') return null;
		// getClaims checks the signature and expiry but not the audience: a token minted for another audience
		// (another service sharing the signing key) is not a sign-in here.
		const aud = data.claims.aud;
		if (!(Array.isArray(aud) ? aud.includes('authenticated') : aud === 'authenticated')) return null;
		return data.claims as unknown as Claims;
	}

	return {
		name: 'supabase',
		authenticate: (event) => verifiedClaims(clientFor(event, settings)),

		async signIn(event, identifier, password) {
			const client = clientFor(event, settings);
			const { error } = await client.auth.signInWithPassword({ ...credentials(identifier), password });
			return error ? null : verifiedClaims(client);
		},

		async signUp(event, input, locale) {
			const open = await asService(async (sql) => {
				const cohort = await cohortInvites.findOpenCohort(sql, input.inviteCode);
				return { cohort, invitation: cohort ? null : await instructorInvites.findPending(sql, input.inviteCode) };
			});
			if (!open.cohort && !open.invitation) return { ok: false, field: 'inviteCode', code: 'invite_invalid' };
			// A center admin's invitation to instruct is good only for the invited e-mail.
			if (open.invitation && (input.identifier.kind !== 'email' || input.identifier.value !== open.invitation.email)) {
				return { ok: false, field: 'identifier', code: 'invite_email_mismatch' };
			}
			const client = clientFor(event, settings);
			const { error } = await client.auth.signUp({
				...credentials(input.identifier),
				password: input.password,
				options: { data: { display_name: input.displayName, locale, privacy_notice: input.privacyNotice } }
			});
			if (error) {
				const taken = error.code === 'user_already_exists' || error.code === 'phone_exists' || error.code === 'email_exists';
				return { ok: false, field: taken ? 'identifier' : 'form', code: taken ? 'identifier_taken' : 'unavailable' };
			}
			const claims = await verifiedClaims(client);
			// A project that asks for e-mail confirmation has no session yet: the person confirms, then signs in.
			if (!claims) return { ok: false, field: 'form', code: 'unavailable' };
			// join_cohort also marks someone the instructor imported (same phone or e-mail) as joined.
			const join = open.invitation ? 'select public.accept_instructor_invitation($1)' : 'select public.join_cohort($1)';
			await withUser(claims, (sql) => sql.query(join, [input.inviteCode]));
			return { ok: true, claims, as: open.invitation ? 'instructor' : 'trainee' };
		},

		async signOut(event) {
			await clientFor(event, settings).auth.signOut();
		},

		async changePassword(event, claims, currentPassword, newPassword) {
			const client = clientFor(event, settings);
			const identifier = claims.email
				? { kind: 'email' as const, value: claims.email }
				: { kind: 'phone' as const, value: String(claims.phone).replace(/^\+/, '') };
			const check = await client.auth.signInWithPassword({ ...credentials(identifier), password: currentPassword });
			if (check.error) return false;
			const { error } = await client.auth.updateUser({ password: newPassword });
			if (error) throw error;
			await client.auth.signOut({ scope: 'others' });
			return true;
		}
	};
}
