import type { Claims, Engine, Sql } from './types';

/**
 * Runs fn in one transaction as PostgREST would for this user: the JWT claims set as request.jwt.claims
 * (a bind parameter, never string-built SQL) and the role switched to authenticated, or anon without claims.
 */
export function runAsUser<T>(engine: Engine, claims: Claims | null, fn: (sql: Sql) => Promise<T>): Promise<T> {
	return engine.transaction(async (sql) => {
		await sql.query(`select set_config('request.jwt.claims', $1, true)`, [
			JSON.stringify(claims ?? { role: 'anon' })
		]);
		await sql.query(claims ? 'set local role authenticated' : 'set local role anon');
		return fn(sql);
	});
}
