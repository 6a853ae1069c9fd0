/** Where a trainee stands on one assignment. Pure: no I/O, the clock is passed in. */
export type AssignmentStatus = 'not_started' | 'in_progress' | 'done' | 'late';
export const assignmentStatuses: readonly AssignmentStatus[] = ['not_started', 'in_progress', 'late', 'done'];

export interface Progress {
	/** Lessons completed (0 or 1) or reviews logged since the assignment was made. */
	progress: number;
	/** 1 for a lesson; the number of reviews for a study target. */
	target: number;
}

export interface StatusResult extends Progress {
	status: AssignmentStatus;
}

/** Done once the target is reached (even after the due date); late when not done past due; else by progress. */
export function assignmentStatus(progress: Progress, dueAt: Date, now: Date): StatusResult {
	const target = Math.max(1, progress.target);
	const reached = Math.max(0, progress.progress);
	const status: AssignmentStatus =
		reached >= target ? 'done' : now.getTime() > dueAt.getTime() ? 'late' : reached > 0 ? 'in_progress' : 'not_started';
	return { status, progress: Math.min(reached, target), target };
}

/** A trainee's hand-ins for one work task: when the first came, and whether the latest has been scored. */
export interface WorkProgress {
	firstSubmittedAt: Date | null;
	latestScored: boolean;
}

/**
 * Done once the latest version is scored; late when nothing came by the due date (or the first version came after
 * it and waits for a score); in progress while an on-time version waits for a score.
 */
export function workTaskStatus(work: WorkProgress, dueAt: Date, now: Date): StatusResult {
	const submitted = work.firstSubmittedAt !== null;
	const handedInLate = submitted ? work.firstSubmittedAt!.getTime() > dueAt.getTime() : now.getTime() > dueAt.getTime();
	const status: AssignmentStatus = submitted && work.latestScored ? 'done' : handedInLate ? 'late' : submitted ? 'in_progress' : 'not_started';
	return { status, progress: submitted ? 1 : 0, target: 1 };
}
