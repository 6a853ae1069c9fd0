import type { RequestEvent } from '@sveltejs/kit';
import { createServerClient } from '@supabase/ssr';
import type { SupabaseClient } from '@supabase/supabase-js';
import { formatPhone } from '$lib/auth/identifier';
import { asService } from '../db/service';
import { withUser } from '../db';
import type { Claims } from '../db/types';
import type { AuthProvider } from './provider';
import * as cohortInvites from './cohort-invites';

export interface SupabaseSettings {
	url: string;
	anonKey: string;
}

export function supabaseSettings(): SupabaseSettings | null {
	const url = process.env.PUBLIC_SUPABASE_URL;
	const anonKey = process.env.PUBLIC_SUPABASE_ANON_KEY;
	return url && anonKey ? { url, anonKey } : null;
}

/** One client per request, reading and writing the auth cookies through SvelteKit. */
function clientFor(event: RequestEvent, settings: SupabaseSettings): SupabaseClient {
	const existing = event.locals.supabase;
	if (existing) return existing;
	const client = createServerClient(settings.url, settings.anonKey, {
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
			const open = await asService((sql) => cohortInvites.findOpenCohort(sql, input.inviteCode));
			if (!open) return { ok: false, field: 'inviteCode', code: 'invite_invalid' };
			const client = clientFor(event, settings);
			const { error } = await client.auth.signUp({
				...credentials(input.identifier),
				password: input.password,
				options: { data: { display_name: input.displayName, locale } }
			});
			if (error) {
				const taken = error.code === 'user_already_exists' || error.code === 'phone_exists' || error.code === 'email_exists';
				return { ok: false, field: taken ? 'identifier' : 'form', code: taken ? 'identifier_taken' : 'unavailable' };
			}
			const claims = await verifiedClaims(client);
			// A project that asks for e-mail confirmation has no session yet: the person confirms, then signs in.
			if (!claims) return { ok: false, field: 'form', code: 'unavailable' };
			await withUser(claims, (sql) => sql.query('select public.join_cohort($1)', [input.inviteCode]));
			return { ok: true, claims };
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
