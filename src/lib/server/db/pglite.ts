import { PGlite, types } from '@electric-sql/pglite';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import type { Engine, Sql } from './types';

// Dates stay 'YYYY-MM-DD' strings on both engines: a departure date has no time zone.
const parsers = {
	[types.DATE]: (value: string) => value,
	[types.NUMERIC]: (value: string) => Number(value)
};

export async function openPglite(dataDir: string | undefined): Promise<Engine> {
	const options = { extensions: { pgcrypto }, parsers };
	// No directory: in memory (tests). PGlite ignores options passed after an undefined directory.
	const pg = dataDir ? new PGlite(dataDir, options) : new PGlite(options);
	await pg.waitReady;
	const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Sql => ({
		async query<Row>(text: string, params?: readonly unknown[]) {
			const result = await q.query<Row>(text, params ? [...params] : undefined);
			return result.rows;
		},
		async exec(script) {
			await q.exec(script);
		}
	});
	return {
		kind: 'pglite',
		// PGlite is a single connection: its transactions queue behind one another.
		transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
		close: () => pg.close()
	};
}
