import { openEngine } from './connection';
import type { Sql } from './types';

/**
 * Trusted server work as the database owner (row-level security does not apply): migrations, seeding,
 * content loading, the local auth provider. Only the modules listed in service-access.test.ts import this.
 */
export async function asService<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
	return (await openEngine()).transaction(fn);
}
