import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ACCESS_SECONDS, issueAccessToken, verifyAccessToken } from './tokens';

const ISSUER = 'http://127.0.0.1:3000/auth/v1';
const user = { id: '5b1f5a6e-0000-4000-8000-000000000001', email: 'peserta@example.test', phone: null };

beforeAll(() => {
	process.env.AUTH_SECRET ??= 'a-test-secret-that-is-long-enough-for-hs256';
});

afterEach(() => {
	vi.useRealTimers();
});

describe('access tokens (verified ones are remembered until they expire)', () => {
	it('accepts its own token on every request, and refuses it once it has expired', async () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(new Date('2027-03-01T08:00:00Z'));
		const token = await issueAccessToken(user, 'session-1', ISSUER);
		expect((await verifyAccessToken(token, ISSUER))?.sub).toBe(user.id);
		expect((await verifyAccessToken(token, ISSUER))?.sub).toBe(user.id);
		vi.setSystemTime(new Date(Date.parse('2027-03-01T08:00:00Z') + (ACCESS_SECONDS + 1) * 1000));
		expect(await verifyAccessToken(token, ISSUER)).toBeNull();
	});

	it('refuses a token with a changed signature or for another site, even after accepting the real one', async () => {
		const token = await issueAccessToken(user, 'session-2', ISSUER);
		expect(await verifyAccessToken(token, ISSUER)).not.toBeNull();
		// A character inside the signature (the last one also carries padding bits that decode to nothing).
		const at = token.length - 10;
		const forged = token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1);
		expect(await verifyAccessToken(forged, ISSUER)).toBeNull();
		expect(await verifyAccessToken(token, 'http://evil.example/auth/v1')).toBeNull();
	});

	it('hands each request its own copy of the claims', async () => {
		const token = await issueAccessToken(user, 'session-3', ISSUER);
		const first = (await verifyAccessToken(token, ISSUER))!;
		first.sub = 'someone-else';
		expect((await verifyAccessToken(token, ISSUER))?.sub).toBe(user.id);
	});
});
