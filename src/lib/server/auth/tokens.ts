import { SignJWT, jwtVerify } from 'jose';
import type { Claims } from '../db/types';
import { signingKey } from './secret';

export const ACCESS_SECONDS = 60 * 60;
export const REFRESH_SECONDS = 30 * 24 * 60 * 60;
const AUDIENCE = 'authenticated';

export interface SessionUser {
	id: string;
	email: string | null;
	phone: string | null;
}

/** An access token with GoTrue's claim shape, so the same policies read it as on Supabase. */
export async function issueAccessToken(user: SessionUser, sessionId: string, issuer: string): Promise<string> {
	const now = Math.floor(Date.now() / 1000);
	return new SignJWT({
		email: user.email ?? '',
		phone: user.phone ?? '',
		app_metadata: { provider: user.email ? 'email' : 'phone', providers: [user.email ? 'email' : 'phone'] },
		user_metadata: {},
		role: 'authenticated',
		aal: 'aal1',
		amr: [{ method: 'password', timestamp: now }],
		session_id: sessionId,
		is_anonymous: false
	})
		.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
		.setSubject(user.id)
		.setAudience(AUDIENCE)
		.setIssuer(issuer)
		.setIssuedAt(now)
		.setExpirationTime(now + ACCESS_SECONDS)
		.sign(signingKey());
}

/**
 * Access tokens already verified, until they expire: every request of a signed-in person carries the same token,
 * and the HMAC check through WebCrypto cost about 6% of the server's time under load. Bounded; oldest out first.
 */
const verified = new Map<string, Claims>();
const VERIFIED_MAX = 10_000;

export async function verifyAccessToken(token: string, issuer: string): Promise<Claims | null> {
	const key = `${issuer} ${token}`;
	const known = verified.get(key);
	if (known && (known.exp ?? 0) * 1000 > Date.now()) return { ...known };
	verified.delete(key);
	try {
		const { payload } = await jwtVerify(token, signingKey(), { audience: AUDIENCE, issuer, algorithms: ['HS256'] });
		if (payload.role !== 'authenticated' || typeof payload.sub !== 'string') return null;
		const claims = payload as Claims;
		if (typeof claims.exp === 'number') {
			if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value!);
			verified.set(key, claims);
		}
		return { ...claims };
	} catch {
		return null;
	}
}

/** A refresh token names the session row; the row, not the token, decides whether it still holds. */
export async function issueRefreshToken(userId: string, sessionId: string, issuer: string): Promise<string> {
	return new SignJWT({ sid: sessionId, typ: 'refresh' })
		.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
		.setSubject(userId)
		.setAudience(AUDIENCE)
		.setIssuer(issuer)
		.setIssuedAt()
		.setExpirationTime(`${REFRESH_SECONDS}s`)
		.sign(signingKey());
}

export async function verifyRefreshToken(token: string, issuer: string): Promise<{ userId: string; sessionId: string } | null> {
	try {
		const { payload } = await jwtVerify(token, signingKey(), { audience: AUDIENCE, issuer, algorithms: ['HS256'] });
		if (payload.typ !== 'refresh' || typeof payload.sid !== 'string' || typeof payload.sub !== 'string') return null;
		return { userId: payload.sub, sessionId: payload.sid };
	} catch {
		return null;
	}
}
