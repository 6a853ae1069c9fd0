import type { RequestEvent } from '@sveltejs/kit';

export const ACCESS_COOKIE = 'hashi_access';
export const REFRESH_COOKIE = 'hashi_refresh';

/** httpOnly and SameSite=Lax always; Secure whenever the site is served over https. */
export function cookieOptions(event: RequestEvent, maxAge: number) {
	return {
		path: '/',
		httpOnly: true,
		sameSite: 'lax' as const,
		secure: event.url.protocol === 'https:',
		maxAge
	};
}

/** The issuer names this deployment's auth endpoint, as GoTrue's `iss` does. */
export function issuerFor(event: RequestEvent): string {
	return `${event.url.origin}/auth/v1`;
}
