import { withUser } from '../db';
import type { Claims } from '../db/types';

/** Months a center keeps a departed worker's record before a deletion request can be carried out. */
export async function retentionMonths(claims: Claims, centerId: string): Promise<number | null> {
	const [row] = await withUser(claims, (sql) =>
		sql.query<{ months: number }>('select departed_retention_months as months from training_centers where id = $1', [centerId])
	);
	return row?.months ?? null;
}

/** False when row-level security finds no center this person may change. */
export async function setRetentionMonths(claims: Claims, centerId: string, months: number): Promise<boolean> {
	const rows = await withUser(claims, (sql) =>
		sql.query('update training_centers set departed_retention_months = $2 where id = $1 returning id', [centerId, months])
	);
	return rows.length > 0;
}
