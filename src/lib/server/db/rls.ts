import type { Claims, Engine, Sql } from './types';

/**
 * Runs fn in one transaction as PostgREST would for this user: the JWT claims set as request.jwt.claims
 * (a bind parameter, never string-built SQL) and the role switched to authenticated, or anon without claims.
 */
export function runAsUser<T>(engine: Engine, claims: Claims | null, fn: (sql: Sql) => Promise<T>): Promise<T> {
	return engine.transaction(async (sql) => {
		// One round trip for both (as PostgREST does): every transaction pays it, and under load round trips add up.
		await sql.query(`select set_config('request.jwt.claims', $1, true), set_config('role', $2, true)`, [
			JSON.stringify(claims ?? { role: 'anon' }),
			claims ? 'authenticated' : 'anon'
		]);
		return fn(sql);
	});
}
