import { withUser } from '../db';
import type { Claims } from '../db/types';
import { recordings } from '../storage';

export interface OwnRequest {
	requestedAt: Date;
}

export interface PendingDeletion {
	userId: string;
	displayName: string;
	cohorts: string;
	requestedAt: Date;
	/** The first day the record may be deleted, when the center's retention period for departed workers holds it. */
	heldUntil: string | null;
}

export type ConfirmOutcome = { kind: 'deleted'; recordings: number } | { kind: 'held'; until: string } | { kind: 'not_found' };

/** The signed-in person's open request, if any. */
export async function ownRequest(claims: Claims): Promise<OwnRequest | null> {
	const [row] = await withUser(claims, (sql) =>
		sql.query<OwnRequest>(`select requested_at as "requestedAt" from deletion_requests where user_id = $1 and state = 'requested'`, [claims.sub])
	);
	return row ?? null;
}

export async function request(claims: Claims): Promise<void> {
	await withUser(claims, (sql) => sql.query('select request_deletion()'));
}

export async function cancel(claims: Claims): Promise<void> {
	await withUser(claims, (sql) => sql.query('select cancel_deletion_request()'));
}

/** Open requests at the centers this admin administers (RLS), oldest first, with what may hold each. */
export async function pendingForAdmin(claims: Claims, limit = 50): Promise<PendingDeletion[]> {
	return withUser(claims, (sql) =>
		sql.query<PendingDeletion>(
			`select r.user_id as "userId", coalesce(p.display_name, '') as "displayName",
				coalesce((select string_agg(c.name, ', ' order by c.name) from cohort_members m join cohorts c on c.id = m.cohort_id where m.user_id = r.user_id), '') as cohorts,
				r.requested_at as "requestedAt", to_char(private.deletion_held_until(r.user_id), 'YYYY-MM-DD') as "heldUntil"
			 from deletion_requests r left join profiles p on p.id = r.user_id
			 where r.state = 'requested'
			 order by r.requested_at limit $1`,
			[limit]
		)
	);
}

/** Deletes the person's data (the database refuses unless this admin may), then their recordings from storage. */
export async function confirm(claims: Claims, userId: string): Promise<ConfirmOutcome> {
	let keys: string[];
	try {
		const [row] = await withUser(claims, (sql) => sql.query<{ keys: string[] }>('select confirm_deletion($1) as keys', [userId]));
		keys = row?.keys ?? [];
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		const held = /held until (\d{4}-\d{2}-\d{2})/.exec(message);
		if (held) return { kind: 'held', until: held[1]! };
		if (/no deletion request/.test(message)) return { kind: 'not_found' };
		throw error;
	}
	const store = recordings();
	// The rows are gone already; a recording left behind by a storage fault would be unreachable but is retried
	// by nothing, so say so in the log rather than fail the confirmation.
	for (const key of keys) await store.delete(key).catch((error) => console.error(`recording ${key} could not be deleted:`, error));
	return { kind: 'deleted', recordings: keys.length };
}
