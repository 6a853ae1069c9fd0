import type { Identifier } from '$lib/auth/identifier';
import type { Sql } from '../db/types';
import type { SessionUser } from './tokens';

// GoTrue's cost. A fixed hash lets a sign-in for an unknown account cost the same as a wrong password.
const BCRYPT_COST = 10;
const UNKNOWN_ACCOUNT_HASH = '$2a$10$Q96lGFHFg0zhoLNyvbD.euuqyElhi1wXEi767FOB2h511kiIJA6eG';

export interface NewUser {
	identifier: Identifier;
	password: string;
	displayName: string;
	locale?: 'id' | 'en' | 'ja';
	/** The privacy notice version agreed to at sign-up (recorded by a trigger on auth.users). */
	privacyNotice?: string;
}

export async function identifierTaken(sql: Sql, identifier: Identifier): Promise<boolean> {
	const rows = await sql.query(
		identifier.kind === 'email' ? 'select 1 from auth.users where email = $1' : 'select 1 from auth.users where phone = $1',
		[identifier.value]
	);
	return rows.length > 0;
}

/**
 * Creates an auth user the way GoTrue stores one (bcrypt via pgcrypto, '' in the token columns, confirmed),
 * so a center that moves to Supabase keeps its users' passwords. The profile comes from the trigger.
 */
export async function createUser(sql: Sql, user: NewUser): Promise<SessionUser> {
	const email = user.identifier.kind === 'email' ? user.identifier.value : null;
	const phone = user.identifier.kind === 'phone' ? user.identifier.value : null;
	const provider = user.identifier.kind;
	const [row] = await sql.query<{ id: string }>(
		`insert into auth.users (
			instance_id, id, aud, role, email, phone, encrypted_password,
			email_confirmed_at, phone_confirmed_at, raw_app_meta_data, raw_user_meta_data,
			confirmation_token, recovery_token, email_change_token_new, email_change,
			created_at, updated_at
		) values (
			'00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated', $1::text, $2::text,
			extensions.crypt($3, extensions.gen_salt('bf', ${BCRYPT_COST})),
			case when $1::text is null then null else now() end,
			case when $2::text is null then null else now() end,
			jsonb_build_object('provider', $4::text, 'providers', jsonb_build_array($4::text)),
			jsonb_strip_nulls(jsonb_build_object('display_name', $5::text, 'locale', $6::text, 'privacy_notice', $7::text)),
			'', '', '', '', now(), now()
		) returning id`,
		[email, phone, user.password, provider, user.displayName, user.locale ?? 'id', user.privacyNotice ?? null]
	);
	return { id: row!.id, email, phone };
}

/** The user if the password matches; the same work is done whether or not the account exists. */
export async function checkPassword(sql: Sql, identifier: Identifier, password: string): Promise<SessionUser | null> {
	const column = identifier.kind === 'email' ? 'u.email' : 'u.phone';
	const [row] = await sql.query<{ id: string | null; email: string | null; phone: string | null; ok: boolean }>(
		`select u.id, u.email, u.phone,
			coalesce(u.encrypted_password, '') = extensions.crypt($2, coalesce(nullif(u.encrypted_password, ''), $3)) as ok
		 from (select 1) as one
		 left join auth.users u on ${column} = $1 and u.deleted_at is null
			and (u.banned_until is null or u.banned_until < now())`,
		[identifier.value, password, UNKNOWN_ACCOUNT_HASH]
	);
	if (!row?.ok || !row.id) return null;
	return { id: row.id, email: row.email, phone: row.phone };
}

export async function setPassword(sql: Sql, userId: string, password: string): Promise<void> {
	await sql.query(
		`update auth.users set encrypted_password = extensions.crypt($2, extensions.gen_salt('bf', ${BCRYPT_COST})),
			updated_at = now() where id = $1`,
		[userId, password]
	);
}

export async function startSession(sql: Sql, userId: string, userAgent: string | null, ip: string | null): Promise<string> {
	const [row] = await sql.query<{ id: string }>(
		`insert into auth.sessions (id, user_id, created_at, updated_at, user_agent, ip)
		 values (gen_random_uuid(), $1, now(), now(), $2, $3::inet) returning id`,
		[userId, userAgent?.slice(0, 500) ?? null, ip]
	);
	await sql.query('update auth.users set last_sign_in_at = now() where id = $1', [userId]);
	return row!.id;
}

/** The session's user while the session stands; marks it refreshed. */
export async function resumeSession(sql: Sql, userId: string, sessionId: string): Promise<SessionUser | null> {
	const [row] = await sql.query<SessionUser>(
		`update auth.sessions s set refreshed_at = now(), updated_at = now()
		 from auth.users u
		 where s.id = $1 and s.user_id = $2 and u.id = s.user_id and u.deleted_at is null
			and (s.not_after is null or s.not_after > now())
		 returning u.id, u.email, u.phone`,
		[sessionId, userId]
	);
	return row ?? null;
}

export async function endSession(sql: Sql, sessionId: string): Promise<void> {
	await sql.query('delete from auth.sessions where id = $1', [sessionId]);
}

export async function endOtherSessions(sql: Sql, userId: string, keepSessionId: string | null): Promise<void> {
	await sql.query('delete from auth.sessions where user_id = $1 and id is distinct from $2', [userId, keepSessionId]);
}
