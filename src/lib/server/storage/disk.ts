import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { dataDir } from '../db/connection';
import type { ObjectStore } from '.';
import { isRecordingKey } from './keys';

/** Files under <DATA_DIR>/recordings/<user id>/…, written whole (temporary file, then rename) or not at all. */
export function diskStore(root = join(dataDir(), 'recordings')): ObjectStore {
	const pathOf = (key: string) => {
		// The key shape admits no "..", no leading "/" and no other separators, so the path stays under root.
		if (!isRecordingKey(key)) throw new Error('not a recording key');
		return join(root, key);
	};
	return {
		async put(key, bytes) {
			const path = pathOf(key);
			await mkdir(dirname(path), { recursive: true });
			const partial = `${path}.${randomUUID()}.part`;
			try {
				await writeFile(partial, bytes, { flag: 'wx' });
				await rename(partial, path);
			} catch (error) {
				await rm(partial, { force: true });
				throw error;
			}
		},
		async get(key) {
			try {
				return new Uint8Array(await readFile(pathOf(key)));
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
				throw error;
			}
		},
		async delete(key) {
			await rm(pathOf(key), { force: true });
		}
	};
}
