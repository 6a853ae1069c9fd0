import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Engine } from './types';

// Read from the project's supabase/ folder (the server, scripts and tests all run from the project root).
const supabaseDir = () => resolve(process.env.HASHI_ROOT ?? '.', 'supabase');

export interface Migration {
	version: string;
	name: string;
	script: string;
}

export function listMigrations(): Migration[] {
	const dir = join(supabaseDir(), 'migrations');
	return readdirSync(dir)
		.filter((file) => file.endsWith('.sql'))
		.map((file) => {
			const match = /^(\d{14})_(.+)\.sql$/.exec(file);
			if (!match) throw new Error(`Migration file name must be <14-digit timestamp>_<name>.sql: ${file}`);
			return { version: match[1]!, name: match[2]!, script: readFileSync(join(dir, file), 'utf8') };
		})
		.sort((a, b) => a.version.localeCompare(b.version));
}

// Any constant works; it only keeps two servers starting at once from migrating together.
const MIGRATION_LOCK = 7_147_483;

/** Applies what is not yet applied, in order, once each; returns the versions applied now. */
export async function migrate(engine: Engine): Promise<string[]> {
	await engine.transaction(async (sql) => {
		await sql.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
		const [auth] = await sql.query<{ missing: boolean }>(
			`select to_regclass('auth.users') is null as missing`
		);
		if (auth?.missing) await sql.exec(readFileSync(join(supabaseDir(), 'compat', 'auth.sql'), 'utf8'));
		// The Supabase CLI's own table, so `supabase db push` sees what is applied.
		await sql.exec(`
			create schema if not exists supabase_migrations;
			create table if not exists supabase_migrations.schema_migrations (
				version text not null primary key,
				statements text[],
				name text
			);`);
	});
	const applied: string[] = [];
	for (const migration of listMigrations()) {
		const done = await engine.transaction(async (sql) => {
			await sql.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
			const rows = await sql.query(
				'select 1 from supabase_migrations.schema_migrations where version = $1',
				[migration.version]
			);
			if (rows.length > 0) return false;
			await sql.exec(migration.script);
			await sql.query(
				'insert into supabase_migrations.schema_migrations (version, statements, name) values ($1, $2, $3)',
				[migration.version, [migration.script], migration.name]
			);
			return true;
		});
		if (done) applied.push(migration.version);
	}
	return applied;
}
