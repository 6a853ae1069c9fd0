import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diskSyncs, openPglite } from './pglite';

describe('PGlite on a directory (npm start)', () => {
	it('forces each commit to disk before answering, and the commit is there after a reopen', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'hashi-pglite-'));
		try {
			const engine = await openPglite(dir);
			const settings = await engine.transaction((sql) =>
				sql.query("select name, setting from pg_settings where name in ('fsync', 'wal_sync_method') order by name")
			);
			// PGlite's own default is fsync off, and NODEFS would drop the call anyway: both are changed in pglite.ts.
			expect(settings).toEqual([
				{ name: 'fsync', setting: 'on' },
				{ name: 'wal_sync_method', setting: 'fsync' }
			]);
			await engine.transaction((sql) => sql.exec('create table kept (id int)'));
			const before = diskSyncs.count;
			await engine.transaction((sql) => sql.query('insert into kept values (1)'));
			expect(diskSyncs.count, 'a commit reaches the disk through fsync').toBeGreaterThan(before);
			await engine.close();

			const again = await openPglite(dir);
			expect(await again.transaction((sql) => sql.query('select id from kept'))).toEqual([{ id: 1 }]);
			await again.close();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
