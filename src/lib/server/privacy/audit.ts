import { withUser } from '../db';
import type { Claims } from '../db/types';

export interface AuditEntry {
	id: number;
	at: Date;
	action: string;
	actorName: string | null;
	subjectName: string | null;
	/** Whether the event names a person whose profile no longer exists (deleted on request). */
	subjectGone: boolean;
	detail: Record<string, unknown>;
}

export const AUDIT_PAGE = 50;

/**
 * The center's trail, newest first, a page at a time (keyset: ids below `before`). Row-level security gives it
 * to the center's admins only; names come from profiles the admin may see, and are gone with a deleted person.
 */
export async function trail(claims: Claims, centerId: string, before: number | null): Promise<{ entries: AuditEntry[]; nextBefore: number | null }> {
	const rows = await withUser(claims, (sql) =>
		sql.query<AuditEntry>(
			`select e.id::int as id, e.at, e.action, actor.display_name as "actorName", subject.display_name as "subjectName",
				(e.subject_id is not null and subject.id is null) as "subjectGone", e.detail
			 from audit_events e
			 left join profiles actor on actor.id = e.actor_id
			 left join profiles subject on subject.id = e.subject_id
			 where e.center_id = $1 and ($2::bigint is null or e.id < $2)
			 order by e.id desc limit $3`,
			[centerId, before, AUDIT_PAGE + 1]
		)
	);
	const entries = rows.slice(0, AUDIT_PAGE);
	return { entries, nextBefore: rows.length > AUDIT_PAGE ? entries.at(-1)!.id : null };
}
