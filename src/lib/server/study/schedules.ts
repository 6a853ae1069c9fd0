import type { ScheduleState } from '$lib/scheduling';
import { asService } from '../db/service';

const PHASE = { New: 0, Learning: 1, Review: 2, Relearning: 3 } as const;

/**
 * Writes derived schedules onto the trainee's deck cards. The browser may not update deck_cards (no
 * privilege): a schedule is only ever what the server derived from the append-only log.
 */
export async function saveSchedules(userId: string, states: Map<string, ScheduleState>): Promise<void> {
	if (states.size === 0) return;
	const rows = [...states].map(([cardId, s]) => ({
		card_id: cardId,
		schedule: s,
		due_at: s.due,
		stability: s.stability,
		fsrs_state: PHASE[s.state],
		reps: s.reps,
		lapses: s.lapses,
		last_reviewed_at: s.last_review
	}));
	await asService((sql) =>
		sql.query(
			`update public.deck_cards d set schedule = r.schedule, due_at = r.due_at, stability = r.stability,
				fsrs_state = r.fsrs_state, reps = r.reps, lapses = r.lapses, last_reviewed_at = r.last_reviewed_at,
				first_reviewed_at = coalesce(d.first_reviewed_at, (select min(l.reviewed_at) from public.review_logs l
					where l.user_id = d.user_id and l.card_id = d.card_id))
			 from jsonb_to_recordset($2::jsonb) as r(card_id text, schedule jsonb, due_at timestamptz, stability float8,
				fsrs_state smallint, reps int, lapses int, last_reviewed_at timestamptz)
			 where d.user_id = $1 and d.card_id = r.card_id`,
			[userId, JSON.stringify(rows)]
		)
	);
}
