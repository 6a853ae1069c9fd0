import type { Cookies } from '@sveltejs/kit';
import { cookieMaxAge, cookieName, isLocale } from '$lib/paraglide/runtime.js';
import type { Locale } from './people/viewer';

/** Remembers the language on this device (Paraglide reads the cookie on every request). */
export function rememberLocale(cookies: Cookies, locale: Locale): void {
	cookies.set(cookieName, locale, { path: '/', maxAge: cookieMaxAge, httpOnly: false, sameSite: 'lax', secure: false });
}

export function toLocale(value: unknown): Locale | null {
	return typeof value === 'string' && isLocale(value) ? (value as Locale) : null;
}
