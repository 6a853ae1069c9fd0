import pg from 'pg';
import { openPglite } from '../../src/lib/server/db/pglite';
import { openPostgres } from '../../src/lib/server/db/postgres';
import { migrate } from '../../src/lib/server/db/migrate';
import type { Engine } from '../../src/lib/server/db/types';

export interface TestEngine {
	name: string;
	open(): Promise<Engine>;
	/** Closes the engine and drops what open() made. */
	dispose(engine: Engine): Promise<void>;
}

const pglite: TestEngine = {
	name: 'PGlite',
	async open() {
		const engine = await openPglite(undefined); // in memory
		await migrate(engine);
		return engine;
	},
	dispose: (engine) => engine.close()
};

/** A fresh database on the server at TEST_DATABASE_URL, made for this run and dropped after it. */
function postgresServer(url: string): TestEngine {
	let name = '';
	const admin = () => new pg.Client({ connectionString: url });
	return {
		name: 'PostgreSQL server',
		async open() {
			name = `hashi_test_${process.pid}_${Date.now().toString(36)}`;
			const client = admin();
			await client.connect();
			await client.query(`create database ${name}`); // name is ours, not input
			await client.end();
			const target = new URL(url);
			target.pathname = `/${name}`;
			const engine = await openPostgres(target.toString(), 4);
			await migrate(engine);
			return engine;
		},
		async dispose(engine) {
			await engine.close();
			const client = admin();
			await client.connect();
			await client.query(`drop database if exists ${name} with (force)`);
			await client.end();
		}
	};
}

/** PGlite always; the Debian PostgreSQL server too when TEST_DATABASE_URL is set (CI sets it). */
export const testEngines: TestEngine[] = process.env.TEST_DATABASE_URL
	? [pglite, postgresServer(process.env.TEST_DATABASE_URL)]
	: [pglite];
