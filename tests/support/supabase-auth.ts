import { createServer, type IncomingMessage, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, jwtVerify, SignJWT, type CryptoKey, type JWK } from 'jose';

/**
 * A stand-in for Supabase Auth (GoTrue) on loopback: the JWKS endpoint with an ES256 key made here, password
 * sign-in, sign-up, /user and logout, with Supabase's token and session shapes. Enough for the real
 * @supabase/ssr and supabase-js code to sign in and verify tokens against it.
 */
export interface StandInUser {
	id: string;
	email: string;
	password: string;
	metadata: Record<string, unknown>;
}

export interface SupabaseAuthStandIn {
	url: string;
	users: Map<string, StandInUser>;
	/** Called when someone signs up, so the test can create the auth.users row as GoTrue would. */
	onSignUp: (user: StandInUser) => Promise<void>;
	/** An access token with Supabase's claim shape; overrides change or add claims, `key`/`kid` sign it differently. */
	token(user: StandInUser, overrides?: Record<string, unknown>, signing?: { key?: CryptoKey; kid?: string; alg?: string; secret?: Uint8Array }): Promise<string>;
	/** A session as /token returns it and as @supabase/ssr stores it in its cookie. */
	session(user: StandInUser, accessToken: string): Record<string, unknown>;
	close(): Promise<void>;
}

const json = (body: unknown) => JSON.stringify(body);

async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	const text = Buffer.concat(chunks).toString('utf8');
	return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

export async function startSupabaseAuth(): Promise<SupabaseAuthStandIn> {
	const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
	const kid = randomUUID();
	const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig', key_ops: ['verify'] };
	const users = new Map<string, StandInUser>();
	let url = '';

	const userJson = (user: StandInUser) => ({
		id: user.id,
		aud: 'authenticated',
		role: 'authenticated',
		email: user.email,
		phone: '',
		app_metadata: { provider: 'email', providers: ['email'] },
		user_metadata: user.metadata,
		created_at: new Date().toISOString()
	});

	const standIn: SupabaseAuthStandIn = {
		get url() {
			return url;
		},
		users,
		onSignUp: async () => {},
		async token(user, overrides = {}, signing = {}) {
			const now = Math.floor(Date.now() / 1000);
			const claims = {
				iss: `${url}/auth/v1`,
				sub: user.id,
				aud: 'authenticated',
				exp: now + 3600,
				iat: now,
				email: user.email,
				phone: '',
				app_metadata: { provider: 'email', providers: ['email'] },
				user_metadata: user.metadata,
				role: 'authenticated',
				aal: 'aal1',
				amr: [{ method: 'password', timestamp: now }],
				session_id: randomUUID(),
				is_anonymous: false,
				...overrides
			};
			const jwt = new SignJWT(claims).setProtectedHeader({ alg: signing.alg ?? 'ES256', kid: signing.kid ?? kid, typ: 'JWT' });
			return jwt.sign(signing.secret ?? signing.key ?? privateKey);
		},
		session(user, accessToken) {
			return {
				access_token: accessToken,
				token_type: 'bearer',
				expires_in: 3600,
				expires_at: Math.floor(Date.now() / 1000) + 3600,
				refresh_token: randomUUID(),
				user: userJson(user)
			};
		},
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};

	// A token is good here only if our key signed it, it has not expired and it is for `authenticated`.
	async function userOf(request: IncomingMessage): Promise<StandInUser | null> {
		const bearer = request.headers.authorization?.replace(/^Bearer /, '');
		if (!bearer) return null;
		try {
			const { payload } = await jwtVerify(bearer, publicKey, { audience: 'authenticated' });
			return [...users.values()].find((u) => u.id === payload.sub) ?? null;
		} catch {
			return null;
		}
	}

	const server: Server = createServer(async (request, response) => {
		const path = new URL(request.url ?? '/', 'http://stand-in').pathname;
		const grant = new URL(request.url ?? '/', 'http://stand-in').searchParams.get('grant_type');
		const send = (status: number, body?: unknown) => {
			response.writeHead(status, { 'content-type': 'application/json' });
			response.end(body === undefined ? '' : json(body));
		};
		try {
			if (request.method === 'GET' && path === '/auth/v1/.well-known/jwks.json') return send(200, { keys: [jwk] });
			if (request.method === 'POST' && path === '/auth/v1/token' && grant === 'password') {
				const body = await readBody(request);
				const user = users.get(String(body.email ?? ''));
				if (!user || user.password !== body.password)
					return send(400, { code: 'invalid_credentials', error_code: 'invalid_credentials', msg: 'Invalid login credentials' });
				return send(200, standIn.session(user, await standIn.token(user)));
			}
			if (request.method === 'POST' && path === '/auth/v1/token')
				return send(400, { code: 'refresh_token_not_found', error_code: 'refresh_token_not_found', msg: 'Invalid Refresh Token' });
			if (request.method === 'POST' && path === '/auth/v1/signup') {
				const body = await readBody(request);
				const email = String(body.email ?? '');
				if (users.has(email)) return send(422, { code: 'user_already_exists', error_code: 'user_already_exists', msg: 'User already registered' });
				const user: StandInUser = { id: randomUUID(), email, password: String(body.password ?? ''), metadata: (body.data as Record<string, unknown>) ?? {} };
				users.set(email, user);
				await standIn.onSignUp(user);
				return send(200, standIn.session(user, await standIn.token(user)));
			}
			if (request.method === 'GET' && path === '/auth/v1/user') {
				const user = await userOf(request);
				return user ? send(200, userJson(user)) : send(401, { code: 'bad_jwt', error_code: 'bad_jwt', msg: 'invalid JWT' });
			}
			if (request.method === 'POST' && path === '/auth/v1/logout') return send(204);
			send(404, { code: 'not_found', msg: `no stand-in for ${request.method} ${path}` });
		} catch (error) {
			send(500, { msg: String(error) });
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
	return standIn;
}
