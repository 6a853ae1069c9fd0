import type { Sql } from '../db/types';

export const MAX_FAILURES = 5;
export const WINDOW_SECONDS = 60;

/**
 * Seconds until another sign-in may be tried for this account or from this address (0: now). Five failures
 * within a minute, counted per account and per address, close the door until the oldest of them is a minute old.
 */
export async function secondsUntilAllowed(sql: Sql, account: string, address: string): Promise<number> {
	const [row] = await sql.query<{ wait: number | null }>(
		`with account_failures as (
			select failed_at from private.sign_in_failures
			where account = $1 and failed_at > now() - make_interval(secs => $3)
			order by failed_at desc limit $4
		), address_failures as (
			select failed_at from private.sign_in_failures
			where address = $2 and failed_at > now() - make_interval(secs => $3)
			order by failed_at desc limit $4
		), blocking as (
			select min(failed_at) as oldest from account_failures having count(*) >= $4
			union all
			select min(failed_at) from address_failures having count(*) >= $4
		)
		select max(ceil(extract(epoch from (oldest + make_interval(secs => $3) - now()))))::int as wait from blocking`,
		[account, address, WINDOW_SECONDS, MAX_FAILURES]
	);
	return Math.max(0, row?.wait ?? 0);
}

export async function recordFailure(sql: Sql, account: string, address: string): Promise<void> {
	await sql.query('insert into private.sign_in_failures (account, address) values ($1, $2)', [account, address]);
	// Old rows serve no limit; clear them as we go (index on failed_at).
	await sql.query(`delete from private.sign_in_failures where failed_at < now() - interval '1 day'`);
}
