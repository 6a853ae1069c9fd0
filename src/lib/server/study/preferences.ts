import { withUser } from '../db';
import type { Claims } from '../db/types';
import { forTrainee } from './settings';

/** Sets the trainee's own daily new-card limit, capped at the cohort's; returns the limit now in force. */
export async function setNewCardsPerDay(claims: Claims, wanted: number): Promise<number> {
	return withUser(claims, async (sql) => {
		const { cohortNewCardsPerDay } = await forTrainee(sql, claims.sub);
		const limit = Math.max(0, Math.min(cohortNewCardsPerDay, Math.round(wanted)));
		await sql.query(
			`insert into study_preferences (user_id, new_cards_per_day, updated_at) values ($1, $2, now())
			 on conflict (user_id) do update set new_cards_per_day = excluded.new_cards_per_day, updated_at = now()`,
			[claims.sub, limit]
		);
		return limit;
	});
}

export async function settingsFor(claims: Claims) {
	return withUser(claims, (sql) => forTrainee(sql, claims.sub));
}
