import type { RequestEvent } from '@sveltejs/kit';
import type { SignInInput } from '$lib/auth/forms';
import { asService } from '../db/service';
import type { Claims } from '../db/types';
import type { AuthProvider } from './provider';
import { recordFailure, secondsUntilAllowed } from './rate-limit';

export type SignInOutcome =
	| { ok: true; claims: Claims }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'rate_limited'; retryAfterSeconds: number };

/** Signs in through the provider, at most five failures a minute per account and per address. */
export async function signIn(event: RequestEvent, provider: AuthProvider, input: SignInInput): Promise<SignInOutcome> {
	const account = `${input.identifier.kind}:${input.identifier.value}`;
	let address = 'unknown';
	try {
		address = event.getClientAddress();
	} catch {
		// no socket address (e.g. a test request): the per-account limit still holds
	}
	const wait = await asService((sql) => secondsUntilAllowed(sql, account, address));
	if (wait > 0) return { ok: false, reason: 'rate_limited', retryAfterSeconds: wait };
	const claims = await provider.signIn(event, input.identifier, input.password);
	if (claims) return { ok: true, claims };
	await asService((sql) => recordFailure(sql, account, address));
	return { ok: false, reason: 'invalid' };
}
