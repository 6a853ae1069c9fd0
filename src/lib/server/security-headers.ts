import type { Handle } from '@sveltejs/kit';

/**
 * Headers every response carries. Pages get their Content-Security-Policy from SvelteKit (kit.csp in
 * svelte.config.js, with a nonce for its inline bootstrap script); anything else — JSON, CSV, audio, the ZIP
 * export — gets a policy that allows nothing to run or to frame it.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	// Spoken work tasks record from the microphone on our own pages; nothing else is needed.
	'permissions-policy': 'microphone=(self), camera=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
	'x-frame-options': 'DENY'
};

export const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const extra: Record<string, string> = { ...SECURITY_HEADERS };
	if (!response.headers.has('content-security-policy')) extra['content-security-policy'] = NON_PAGE_CSP;
	try {
		for (const [name, value] of Object.entries(extra)) if (!response.headers.has(name)) response.headers.set(name, value);
		return response;
	} catch {
		// Some responses (e.g. Response.redirect) have immutable headers: copy them into a new response.
		const headers = new Headers(response.headers);
		for (const [name, value] of Object.entries(extra)) if (!headers.has(name)) headers.set(name, value);
		return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
	}
};
