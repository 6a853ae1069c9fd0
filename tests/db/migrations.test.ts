import { describe, expect, it } from 'vitest';
import { testEngines } from './engines';
import { listMigrations, migrate } from '../../src/lib/server/db/migrate';

describe.each(testEngines)('migrations on $name', (testEngine) => {
	it('applies every migration once, records it as the Supabase CLI does, and is a no-op the second time', async () => {
		const engine = await testEngine.open();
		try {
			const rows = await engine.transaction((sql) =>
				sql.query<{ version: string; name: string }>(
					'select version, name from supabase_migrations.schema_migrations order by version'
				)
			);
			expect(rows.map((r) => r.version)).toEqual(listMigrations().map((m) => m.version));
			expect(await migrate(engine)).toEqual([]);
		} finally {
			await testEngine.dispose(engine);
		}
	});

	it('turns row-level security on for every table in public and private', async () => {
		const engine = await testEngine.open();
		try {
			const rows = await engine.transaction((sql) =>
				sql.query<{ table: string }>(
					`select n.nspname || '.' || c.relname as table from pg_class c
					 join pg_namespace n on n.oid = c.relnamespace
					 where c.relkind = 'r' and n.nspname in ('public', 'private') and not c.relrowsecurity`
				)
			);
			expect(rows).toEqual([]);
		} finally {
			await testEngine.dispose(engine);
		}
	});
});
