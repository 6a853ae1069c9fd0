/** A connection or transaction that runs parameterised SQL. The one interface for PGlite and Postgres. */
export interface Sql {
	query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
	/** Runs a multi-statement script without parameters (migrations). */
	exec(script: string): Promise<void>;
}

export interface Engine {
	readonly kind: 'pglite' | 'postgres';
	/** Runs fn in one transaction as the database owner; rolls back if fn throws. */
	transaction<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
	close(): Promise<void>;
}

/** GoTrue's access-token claim shape (the subset policies and the app read). */
export interface Claims {
	sub: string;
	role: 'authenticated';
	aud: string;
	email?: string;
	phone?: string;
	session_id?: string;
	exp?: number;
	iat?: number;
	[key: string]: unknown;
}
