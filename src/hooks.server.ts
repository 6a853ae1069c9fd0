import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { chooseProvider } from '$lib/server/auth';
import { loadViewer, type Viewer } from '$lib/server/people/viewer';
import { startup } from '$lib/server/startup';
import { closeEngine } from '$lib/server/db/connection';
import { securityHeaders } from '$lib/server/security-headers';

export const init: ServerInit = startup;

// Sent by scripts/start.js (and adapter-node) on SIGINT/SIGTERM: close PGlite cleanly.
process.once('sveltekit:shutdown', () => void closeEngine());

const provider = await chooseProvider();

const i18n: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

const auth: Handle = async ({ event, resolve }) => {
	event.locals.auth = provider;
	event.locals.claims = await provider.authenticate(event);
	let viewer: Promise<Viewer | null> | undefined;
	event.locals.viewer = () => {
		const claims = event.locals.claims;
		viewer ??= claims ? loadViewer(claims) : Promise.resolve(null);
		return viewer;
	};
	return resolve(event);
};

export const handle = sequence(securityHeaders, i18n, auth);

// Unexpected errors are logged with the route; the person sees only the generic, translated message.
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status >= 500) console.error(`${event.request.method} ${event.route.id ?? event.url.pathname}:`, error);
	return { message };
};
