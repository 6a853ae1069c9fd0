import type { RequestEvent } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair } from 'jose';
import { testEngines } from './engines';
import { startSupabaseAuth, type StandInUser, type SupabaseAuthStandIn } from '../support/supabase-auth';
import type { Engine } from '../../src/lib/server/db/types';
import { adoptEngine } from '../../src/lib/server/db/connection';
import { withUser } from '../../src/lib/server/db';
import { supabaseProvider } from '../../src/lib/server/auth/supabase';
import type { AuthProvider } from '../../src/lib/server/auth/provider';

interface Jar {
	cookies: Map<string, string>;
	event: RequestEvent;
}

/** A request with a cookie jar, as SvelteKit hands one to the provider. */
function request(cookies = new Map<string, string>()): Jar {
	const event = {
		locals: {},
		cookies: {
			getAll: () => [...cookies].map(([name, value]) => ({ name, value })),
			get: (name: string) => cookies.get(name),
			set: (name: string, value: string, options: { maxAge?: number }) => {
				if (value === '' || options?.maxAge === 0) cookies.delete(name);
				else cookies.set(name, value);
			},
			delete: (name: string) => cookies.delete(name)
		}
	} as unknown as RequestEvent;
	return { cookies, event };
}

describe.each(testEngines)('the Supabase sign-in on $name', (testEngine) => {
	let engine: Engine;
	let auth: SupabaseAuthStandIn;
	let provider: AuthProvider;
	let siti: StandInUser;
	let cookieName: string;

	async function createAuthUser(user: StandInUser) {
		await engine.transaction((sql) =>
			sql.query(
				`insert into auth.users (instance_id, id, aud, role, email, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
				 values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated', $2, '{"provider":"email"}', $3, now(), now())`,
				[user.id, user.email, JSON.stringify(user.metadata)]
			)
		);
	}
	/** The cookie @supabase/ssr would hold for this access token. */
	const cookieFor = (user: StandInUser, token: string) =>
		new Map([[cookieName, `base64-${Buffer.from(JSON.stringify(auth.session(user, token))).toString('base64url')}`]]);

	beforeAll(async () => {
		engine = await testEngine.open();
		adoptEngine(engine);
		auth = await startSupabaseAuth();
		auth.onSignUp = createAuthUser;
		provider = supabaseProvider({ url: auth.url, anonKey: 'anon-key-for-tests' });
		siti = { id: crypto.randomUUID(), email: 'siti@example.id', password: 'rahasia-siti-1', metadata: { display_name: 'Siti' } };
		auth.users.set(siti.email, siti);
		await createAuthUser(siti);
		const other = { id: crypto.randomUUID(), email: 'budi@example.id', password: 'rahasia-budi-1', metadata: { display_name: 'Budi' } };
		auth.users.set(other.email, other);
		await createAuthUser(other);
		await engine.transaction(async (sql) => {
			const [center] = await sql.query<{ id: string }>(`insert into training_centers (name, province) values ('LPK Supabase', 'Bali') returning id`);
			await sql.query(
				`insert into cohorts (center_id, name, sector, target_exam, destination_prefecture, invite_code) values ($1, 'Kaigo Bali', 'caregiving', 'jft_basic', 'Kagawa', 'BALI2027')`,
				[center!.id]
			);
		});
	});
	afterAll(async () => {
		await auth.close();
		await testEngine.dispose(engine);
	});

	it('signs in with the password, keeps the session in its cookie, and verifies it on the next request against the JWKS', async () => {
		const first = request();
		const claims = await provider.signIn(first.event, { kind: 'email', value: siti.email }, siti.password);
		expect(claims).toMatchObject({ sub: siti.id, role: 'authenticated', aud: 'authenticated', email: siti.email });
		cookieName = [...first.cookies.keys()].find((name) => name.startsWith('sb-'))!;
		expect(cookieName).toMatch(/^sb-.+-auth-token$/);

		const next = request(new Map(first.cookies));
		expect(await provider.authenticate(next.event)).toMatchObject({ sub: siti.id });
		expect(await provider.signIn(request().event, { kind: 'email', value: siti.email }, 'wrong-password')).toBeNull();
	});

	it('runs the verified user under row-level security: Siti sees her own profile and no one else’s', async () => {
		const claims = await provider.authenticate(request(cookieFor(siti, await auth.token(siti))).event);
		const profiles = await withUser(claims!, (sql) => sql.query<{ display_name: string }>('select display_name from profiles'));
		expect(profiles.map((p) => p.display_name)).toEqual(['Siti']);
	});

	it('signs a trainee up, keeps the privacy notice agreed to, and enrols them with the invite code', async () => {
		const jar = request();
		const result = await provider.signUp(
			jar.event,
			{ inviteCode: 'BALI2027', identifier: { kind: 'email', value: 'nur@example.id' }, password: 'rahasia-nur-12', displayName: 'Nur', privacyNotice: '2026-11-24' },
			'id'
		);
		expect(result.ok).toBe(true);
		const claims = (result as { claims: { sub: string } }).claims;
		const cohorts = await withUser(claims as never, (sql) => sql.query<{ name: string }>('select c.name from cohort_members m join cohorts c on c.id = m.cohort_id'));
		expect(cohorts.map((c) => c.name)).toEqual(['Kaigo Bali']);
		const agreed = await withUser(claims as never, (sql) => sql.query<{ notice_version: string }>('select notice_version from privacy_agreements'));
		expect(agreed).toEqual([{ notice_version: '2026-11-24' }]);
		const refused = await provider.signUp(
			request().event,
			{ inviteCode: 'NOPE0000', identifier: { kind: 'email', value: 'eka@example.id' }, password: 'rahasia-eka-12', displayName: 'Eka', privacyNotice: '2026-11-24' },
			'id'
		);
		expect(refused).toMatchObject({ ok: false, field: 'inviteCode' });
		expect(auth.users.has('eka@example.id')).toBe(false);
	});

	it('refuses a tampered token: claims changed after signing', async () => {
		const [header, , signature] = (await auth.token(siti)).split('.');
		const forged = Buffer.from(JSON.stringify({ sub: crypto.randomUUID(), role: 'authenticated', aud: 'authenticated', exp: Math.floor(Date.now() / 1000) + 3600 })).toString('base64url');
		expect(await provider.authenticate(request(cookieFor(siti, `${header}.${forged}.${signature}`)).event)).toBeNull();
	});

	it('refuses a token signed by another key under the same key id, and one signed with a shared secret', async () => {
		const { privateKey } = await generateKeyPair('ES256');
		expect(await provider.authenticate(request(cookieFor(siti, await auth.token(siti, {}, { key: privateKey }))).event)).toBeNull();
		const hs = await auth.token(siti, {}, { alg: 'HS256', secret: new TextEncoder().encode('a-secret-nobody-should-trust-here') });
		expect(await provider.authenticate(request(cookieFor(siti, hs)).event)).toBeNull();
	});

	it('refuses an expired token (and the refresh the client then tries fails)', async () => {
		const now = Math.floor(Date.now() / 1000);
		const expired = await auth.token(siti, { iat: now - 7200, exp: now - 3600 });
		expect(await provider.authenticate(request(cookieFor(siti, expired)).event)).toBeNull();
	});

	it('refuses a token for another audience, and one whose role is not authenticated', async () => {
		expect(await provider.authenticate(request(cookieFor(siti, await auth.token(siti, { aud: 'another-service' }))).event)).toBeNull();
		expect(await provider.authenticate(request(cookieFor(siti, await auth.token(siti, { role: 'service_role' }))).event)).toBeNull();
		expect(await provider.authenticate(request().event)).toBeNull();
	});
});
