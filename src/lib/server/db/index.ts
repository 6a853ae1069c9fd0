import { runAsUser } from './rls';
import { openEngine } from './connection';
import type { Claims, Sql } from './types';

export type { Claims, Sql } from './types';

/** Runs fn in one transaction under row-level security as this user (or as anon without claims). */
export async function withUser<T>(claims: Claims | null, fn: (sql: Sql) => Promise<T>): Promise<T> {
	return runAsUser(await openEngine(), claims, fn);
}
