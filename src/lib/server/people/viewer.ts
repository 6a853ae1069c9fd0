import { withUser } from '../db';
import type { Claims } from '../db/types';

export type Role = 'trainee' | 'instructor' | 'center_admin' | 'ministry_viewer';
export type Locale = 'id' | 'en' | 'ja';

/** Who is signed in, with the roles the app routes by. */
export interface Viewer {
	id: string;
	displayName: string;
	locale: Locale;
	roles: Role[];
}

export async function loadViewer(claims: Claims): Promise<Viewer | null> {
	return withUser(claims, async (sql) => {
		// One statement: every signed-in request runs this, and each round trip to the database counts under load.
		const [profile] = await sql.query<{ display_name: string; locale: Locale; roles: Role[] }>(
			`select display_name, locale, array(
				select role::text from public.center_memberships where user_id = $1
				union select 'ministry_viewer' from public.ministry_viewers where user_id = $1
			) as roles
			 from public.profiles where id = $1`,
			[claims.sub]
		);
		if (!profile) return null;
		return {
			id: claims.sub,
			displayName: profile.display_name,
			locale: profile.locale,
			roles: profile.roles
		};
	});
}

/** Where each role starts: ministry first (never a person's record), then staff, then trainees. */
export function homePath(viewer: Viewer): string {
	if (viewer.roles.includes('ministry_viewer')) return '/ministry';
	if (viewer.roles.includes('center_admin') || viewer.roles.includes('instructor')) return '/instructor';
	if (viewer.roles.includes('trainee')) return '/today';
	return '/account';
}

export async function setLocale(claims: Claims, locale: Locale): Promise<void> {
	await withUser(claims, (sql) => sql.query('update public.profiles set locale = $2 where id = $1', [claims.sub, locale]));
}

export async function setDisplayName(claims: Claims, displayName: string): Promise<void> {
	await withUser(claims, (sql) =>
		sql.query('update public.profiles set display_name = $2 where id = $1', [claims.sub, displayName])
	);
}
