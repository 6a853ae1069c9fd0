import pg from 'pg';
import type { Engine, Sql } from './types';

const types = {
	getTypeParser(oid: number, format?: 'text' | 'binary') {
		if (oid === 20) return (value: string) => Number(value); // int8: counts fit in a double
		if (oid === 1700) return (value: string) => Number(value); // numeric
		if (oid === 1082) return (value: string) => value; // date stays 'YYYY-MM-DD'
		return pg.types.getTypeParser(oid, format);
	}
} as pg.CustomTypesConfig;

export async function openPostgres(connectionString: string, max = 10): Promise<Engine> {
	const pool = new pg.Pool({ connectionString, max, types });
	const client = await pool.connect(); // fail fast on a wrong URL
	client.release();
	return {
		kind: 'postgres',
		async transaction(fn) {
			const conn = await pool.connect();
			const sql: Sql = {
				async query<Row>(text: string, params?: readonly unknown[]) {
					const result = await conn.query(text, params ? [...params] : undefined);
					return result.rows as Row[];
				},
				async exec(script) {
					await conn.query(script); // no parameters: the simple protocol takes several statements
				}
			};
			try {
				await conn.query('begin');
				const value = await fn(sql);
				await conn.query('commit');
				return value;
			} catch (error) {
				await conn.query('rollback').catch(() => {});
				throw error;
			} finally {
				conn.release();
			}
		},
		close: () => pool.end()
	};
}
