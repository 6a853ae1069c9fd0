import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Claims } from '../db/types';
import type { Role, Viewer } from '../people/viewer';

export interface Signedin {
	claims: Claims;
	viewer: Viewer;
}

/** The signed-in viewer, or a redirect to sign-in that comes back here afterwards. */
export async function requireViewer(event: Pick<RequestEvent, 'locals' | 'url'>): Promise<Signedin> {
	const claims = event.locals.claims;
	const viewer = claims ? await event.locals.viewer() : null;
	if (!claims || !viewer) {
		const next = event.url.pathname + event.url.search;
		redirect(303, `/signin?next=${encodeURIComponent(next)}`);
	}
	return { claims, viewer };
}

/** As requireViewer, and the viewer must hold one of these roles (checked in every load and action). */
export async function requireRole(event: Pick<RequestEvent, 'locals' | 'url'>, roles: readonly Role[]): Promise<Signedin> {
	const signedIn = await requireViewer(event);
	if (!signedIn.viewer.roles.some((role) => roles.includes(role))) error(403, 'forbidden');
	return signedIn;
}

/** For JSON endpoints: 401 without a session, 403 without the role (no redirect to a sign-in page). */
export async function requireApiRole(event: Pick<RequestEvent, 'locals'>, roles: readonly Role[]): Promise<Signedin> {
	const claims = event.locals.claims;
	const viewer = claims ? await event.locals.viewer() : null;
	if (!claims || !viewer) error(401, 'sign in first');
	if (!viewer.roles.some((role) => roles.includes(role))) error(403, 'forbidden');
	return { claims, viewer };
}
