import { DEFAULT_STUDY_SETTINGS, type StudySettings } from '$lib/scheduling';
import type { Sql } from '../db/types';

export interface TraineeStudySettings {
	scheduling: StudySettings;
	/** The cohort's daily new-card limit, lowered by the trainee's own choice if they made one. */
	newCardsPerDay: number;
	cohortNewCardsPerDay: number;
}

/** The trainee's cohort settings (the strictest cohort if several) and fitted weights, inside their transaction. */
export async function forTrainee(sql: Sql, userId: string): Promise<TraineeStudySettings> {
	const [row] = await sql.query<{
		desired_retention: number | null;
		cohort_limit: number | null;
		own_limit: number | null;
		weights: number[] | null;
	}>(
		`select
			(select max(c.desired_retention) from cohort_members m join cohorts c on c.id = m.cohort_id where m.user_id = $1) as desired_retention,
			(select min(c.new_cards_per_day) from cohort_members m join cohorts c on c.id = m.cohort_id where m.user_id = $1) as cohort_limit,
			p.new_cards_per_day as own_limit, p.fsrs_weights as weights
		 from (select 1) one left join study_preferences p on p.user_id = $1`,
		[userId]
	);
	const cohortLimit = row?.cohort_limit ?? 10;
	return {
		scheduling: {
			...DEFAULT_STUDY_SETTINGS,
			desiredRetention: Number(row?.desired_retention ?? DEFAULT_STUDY_SETTINGS.desiredRetention),
			...(row?.weights ? { weights: row.weights } : {})
		},
		newCardsPerDay: Math.min(cohortLimit, row?.own_limit ?? cohortLimit),
		cohortNewCardsPerDay: cohortLimit
	};
}
