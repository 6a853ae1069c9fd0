// Readiness counts for the ministry, per cohort. The readiness model (src/lib/readiness) projects each trainee's
// recall to the departure date and weighs the last weeks' activity, so its answer moves with the calendar even
// when nobody logs anything: no trigger could keep a stored count true. This job reassesses cohorts instead —
// those whose enrolments changed (stale) first, then those whose figures are from before today (WIB), oldest
// first (computed_at is the watermark) — a batch at a time, so one pass over a nation's few thousand cohorts
// spreads over the day and the ministry's page only ever reads the stored counts. It works as the database owner
// because no request's user may read every center's trainees; it stores counts only.
import { assessCohort } from '../readiness';
import { asService } from '../db/service';

/** Cohorts reassessed per run, and how often a run starts. */
const BATCH = 20;
const EVERY_MS = 5 * 60_000;
const WIB_MS = 7 * 3_600_000;

/** The instant today (WIB) began: figures computed before it are due again. */
function startOfLocalDay(now: Date): Date {
	return new Date(Math.floor((now.getTime() + WIB_MS) / 86_400_000) * 86_400_000 - WIB_MS);
}

/** Reassesses up to `limit` due cohorts; returns how many it did. */
export async function refreshReadiness(now = new Date(), limit = BATCH): Promise<number> {
	const due = await asService((sql) =>
		sql.query<{ cohort_id: string }>(
			`select r.cohort_id from public.ministry_cohort_readiness r
			 join public.cohorts c on c.id = r.cohort_id
			 where r.stale or r.computed_at is null or r.computed_at < $1
			 order by r.stale desc, r.computed_at nulls first
			 limit $2`,
			[startOfLocalDay(now).toISOString(), limit]
		)
	);
	for (const { cohort_id: cohortId } of due) {
		await asService(async (sql) => {
			const assessed = await assessCohort(sql, cohortId, now);
			// Departed and withdrawn trainees are no longer preparing: only those in training or ready count.
			const current = new Set(
				(
					await sql.query<{ user_id: string }>(
						`select user_id from public.cohort_members where cohort_id = $1 and status in ('in_training', 'ready')`,
						[cohortId]
					)
				).map((row) => row.user_id)
			);
			const levels = { ready: 0, on_track: 0, at_risk: 0 };
			for (const trainee of assessed) if (current.has(trainee.traineeId)) levels[trainee.readiness.level]++;
			await sql.query(
				`update public.ministry_cohort_readiness
				 set ready = $2, on_track = $3, at_risk = $4, computed_at = $5, stale = false
				 where cohort_id = $1`,
				[cohortId, levels.ready, levels.on_track, levels.at_risk, now.toISOString()]
			);
		});
	}
	return due.length;
}

/** Starts the periodic job in this server process; returns a function that stops it. */
export function startReadinessJob(): () => void {
	let running = false;
	const tick = async () => {
		if (running) return;
		running = true;
		try {
			await refreshReadiness();
		} catch (error) {
			console.warn('ministry readiness job:', error instanceof Error ? error.message : error);
		} finally {
			running = false;
		}
	};
	const timer = setInterval(() => void tick(), EVERY_MS);
	timer.unref();
	void tick();
	return () => clearInterval(timer);
}
