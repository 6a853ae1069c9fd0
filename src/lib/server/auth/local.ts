import type { RequestEvent } from '@sveltejs/kit';
import { asService } from '../db/service';
import type { Claims } from '../db/types';
import type { AuthProvider } from './provider';
import { ACCESS_COOKIE, REFRESH_COOKIE, cookieOptions, issuerFor } from './cookies';
import {
	ACCESS_SECONDS,
	REFRESH_SECONDS,
	issueAccessToken,
	issueRefreshToken,
	verifyAccessToken,
	verifyRefreshToken,
	type SessionUser
} from './tokens';
import * as users from './users';
import * as cohortInvites from './cohort-invites';
import * as instructorInvites from './instructor-invites';

async function setSessionCookies(event: RequestEvent, user: SessionUser, sessionId: string): Promise<Claims> {
	const issuer = issuerFor(event);
	const access = await issueAccessToken(user, sessionId, issuer);
	event.cookies.set(ACCESS_COOKIE, access, cookieOptions(event, ACCESS_SECONDS));
	event.cookies.set(REFRESH_COOKIE, await issueRefreshToken(user.id, sessionId, issuer), cookieOptions(event, REFRESH_SECONDS));
	return (await verifyAccessToken(access, issuer))!;
}

function clearSessionCookies(event: RequestEvent): void {
	event.cookies.delete(ACCESS_COOKIE, { path: '/' });
	event.cookies.delete(REFRESH_COOKIE, { path: '/' });
}

function clientAddress(event: RequestEvent): string | null {
	try {
		return event.getClientAddress();
	} catch {
		return null;
	}
}

/** Email or phone and password against auth.users, sessions in auth.sessions, JWTs in httpOnly cookies. */
export const localProvider: AuthProvider = {
	name: 'local',

	async authenticate(event) {
		const issuer = issuerFor(event);
		const access = event.cookies.get(ACCESS_COOKIE);
		const claims = access ? await verifyAccessToken(access, issuer) : null;
		if (claims) return claims;
		const refresh = event.cookies.get(REFRESH_COOKIE);
		const session = refresh ? await verifyRefreshToken(refresh, issuer) : null;
		if (!session) {
			if (access || refresh) clearSessionCookies(event);
			return null;
		}
		const user = await asService((sql) => users.resumeSession(sql, session.userId, session.sessionId));
		if (!user) {
			clearSessionCookies(event);
			return null;
		}
		return setSessionCookies(event, user, session.sessionId);
	},

	async signIn(event, identifier, password) {
		const started = await asService(async (sql) => {
			const user = await users.checkPassword(sql, identifier, password);
			if (!user) return null;
			const sessionId = await users.startSession(sql, user.id, event.request.headers.get('user-agent'), clientAddress(event));
			return { user, sessionId };
		});
		return started ? setSessionCookies(event, started.user, started.sessionId) : null;
	},

	async signUp(event, input, locale) {
		// One transaction: a failure anywhere leaves no user, profile or enrolment behind.
		const result = await asService(async (sql) => {
			const cohort = await cohortInvites.findOpenCohort(sql, input.inviteCode);
			// Not a cohort's code: perhaps a center admin's invitation to instruct, good only for the invited e-mail.
			const invitation = cohort ? null : await instructorInvites.findPending(sql, input.inviteCode);
			if (!cohort && !invitation) return { ok: false as const, field: 'inviteCode' as const, code: 'invite_invalid' as const };
			if (invitation && (input.identifier.kind !== 'email' || input.identifier.value !== invitation.email)) {
				return { ok: false as const, field: 'identifier' as const, code: 'invite_email_mismatch' as const };
			}
			if (await users.identifierTaken(sql, input.identifier)) {
				return { ok: false as const, field: 'identifier' as const, code: 'identifier_taken' as const };
			}
			const user = await users.createUser(sql, {
				identifier: input.identifier,
				password: input.password,
				displayName: input.displayName,
				locale,
				privacyNotice: input.privacyNotice
			});
			// join_cohort also marks someone the instructor imported (same phone or e-mail) as joined.
			if (invitation) await instructorInvites.acceptAs(sql, user.id, input.inviteCode);
			else await cohortInvites.joinAs(sql, user.id, input.inviteCode);
			const sessionId = await users.startSession(sql, user.id, event.request.headers.get('user-agent'), clientAddress(event));
			return { ok: true as const, user, sessionId, as: invitation ? ('instructor' as const) : ('trainee' as const) };
		}).catch((error: unknown) => {
			// Two sign-ups with the same phone or e-mail at once: the second meets the unique index.
			if ((error as { code?: string }).code === '23505') {
				return { ok: false as const, field: 'identifier' as const, code: 'identifier_taken' as const };
			}
			throw error;
		});
		if (!result.ok) return result;
		return { ok: true, claims: await setSessionCookies(event, result.user, result.sessionId), as: result.as };
	},

	async signOut(event) {
		const refresh = event.cookies.get(REFRESH_COOKIE);
		const session = refresh ? await verifyRefreshToken(refresh, issuerFor(event)) : null;
		if (session) await asService((sql) => users.endSession(sql, session.sessionId));
		clearSessionCookies(event);
	},

	async changePassword(event, claims, currentPassword, newPassword) {
		const identifier = claims.email
			? ({ kind: 'email', value: claims.email } as const)
			: ({ kind: 'phone', value: String(claims.phone) } as const);
		return asService(async (sql) => {
			const user = await users.checkPassword(sql, identifier, currentPassword);
			if (!user || user.id !== claims.sub) return false;
			await users.setPassword(sql, user.id, newPassword);
			await users.endOtherSessions(sql, user.id, claims.session_id ?? null);
			return true;
		});
	}
};
