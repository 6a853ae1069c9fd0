import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { dataDir } from '../db/connection';

let secret: Uint8Array | undefined;

/** The HS256 signing key: AUTH_SECRET, or one made on first start and kept in DATA_DIR. */
export function signingKey(): Uint8Array {
	if (secret) return secret;
	let text = process.env.AUTH_SECRET;
	if (!text) {
		const file = join(dataDir(), 'auth-secret');
		if (!existsSync(file)) {
			mkdirSync(dataDir(), { recursive: true });
			writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
		}
		text = readFileSync(file, 'utf8').trim();
	}
	if (text.length < 32) throw new Error('AUTH_SECRET must be at least 32 characters.');
	secret = new TextEncoder().encode(text);
	return secret;
}
