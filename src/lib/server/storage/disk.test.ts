import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diskStore } from './disk';
import { isRecordingKey, newRecordingKey } from './keys';

const root = mkdtempSync(join(tmpdir(), 'hashi-disk-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const user = '0b0e3f43-8a51-4c41-9d3c-6a1f0cf1e0a1';

describe('diskStore', () => {
	it('keeps a recording under <root>/<user>/ and gives it back until it is deleted', async () => {
		const store = diskStore(root);
		const key = newRecordingKey(user, 'ogg');
		await store.put(key, Uint8Array.from([0x4f, 0x67, 0x67, 0x53]), 'audio/ogg');
		expect(readdirSync(join(root, user))).toEqual([key.split('/')[1]]);
		expect([...((await store.get(key)) ?? [])]).toEqual([0x4f, 0x67, 0x67, 0x53]);
		await store.delete(key);
		expect(await store.get(key)).toBeNull();
		expect(readdirSync(join(root, user))).toEqual([]);
	});
	it('refuses any key that is not "<user id>/<uuid>.<ext>", so no path leaves the folder', async () => {
		const store = diskStore(root);
		for (const bad of ['../secret.webm', `${user}/../../x.webm`, '/etc/passwd', `${user}/a.webm`, `${user}/${user}.exe`]) {
			expect(isRecordingKey(bad), bad).toBe(false);
			await expect(store.get(bad), bad).rejects.toThrow(/not a recording key/);
			await expect(store.put(bad, new Uint8Array([1]), 'audio/webm'), bad).rejects.toThrow(/not a recording key/);
		}
		expect(() => newRecordingKey('../..', 'webm')).toThrow();
	});
});
