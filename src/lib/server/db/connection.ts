import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import { migrate } from './migrate';
import type { Engine } from './types';

export function dataDir(): string {
	return resolve(process.env.DATA_DIR || '.data');
}

let engine: Promise<Engine> | undefined;

/** The process's one database: Postgres at DATABASE_URL, else PGlite in DATA_DIR; migrated on open. */
export function openEngine(): Promise<Engine> {
	engine ??= (async () => {
		const url = process.env.DATABASE_URL;
		let opened: Engine;
		if (url) {
			opened = await openPostgres(url);
		} else {
			const dir = resolve(dataDir(), 'pglite');
			mkdirSync(dir, { recursive: true });
			opened = await openPglite(dir);
		}
		await migrate(opened);
		return opened;
	})();
	return engine;
}

export async function closeEngine(): Promise<void> {
	const open = engine;
	engine = undefined;
	if (open) await (await open).close();
}

/** Makes an engine opened elsewhere the process's database (tests and the bench open their own). */
export function adoptEngine(opened: Engine): void {
	engine = Promise.resolve(opened);
}
