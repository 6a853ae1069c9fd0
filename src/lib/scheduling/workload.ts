export interface CatchUpPlan {
	/** Reviews to do today (same as perDay[0]). */
	today: number;
	/** Reviews per day, today first. */
	perDay: number[];
	/** Reviews the cap leaves for after the window. */
	leftOver: number;
}

/**
 * Spread a backlog of due reviews over `days` days instead of one wall of reviews.
 * Rule: split evenly, earlier days taking the remainder (overdue cards are better seen sooner),
 * and never more than `dailyCap` a day. Re-plan each day: cards falling due meanwhile are not counted.
 */
export function planCatchUp(dueCount: number, days: number, dailyCap = Number.POSITIVE_INFINITY): CatchUpPlan {
	const backlog = wholeAtLeast(0, dueCount);
	const window = wholeAtLeast(1, days);
	const cap = dailyCap === Number.POSITIVE_INFINITY ? dailyCap : wholeAtLeast(0, dailyCap);
	const perDay: number[] = [];
	let remaining = backlog;
	for (let day = 0; day < window; day++) {
		const share = Math.min(cap, Math.ceil(remaining / (window - day)));
		perDay.push(share);
		remaining -= share;
	}
	return { today: perDay[0] ?? 0, perDay, leftOver: remaining };
}

export interface NewCardLimits {
	/** The cohort's daily new-card limit, set by the instructor. */
	cohortLimit?: number;
	/** The trainee's own limit: it may lower the cohort's, never raise it. */
	traineeLimit?: number;
	/** New cards already introduced today. */
	introducedToday: number;
}

/** How many new cards the trainee may still start today. */
export function newCardsToday({ cohortLimit = 10, traineeLimit, introducedToday }: NewCardLimits): number {
	const cohort = wholeAtLeast(0, cohortLimit);
	const limit = traineeLimit === undefined ? cohort : Math.min(cohort, wholeAtLeast(0, traineeLimit));
	return Math.max(0, limit - wholeAtLeast(0, introducedToday));
}

// Counts come from forms and storage: NaN, negatives and fractions must not leak into a plan.
function wholeAtLeast(min: number, value: number): number {
	return Number.isFinite(value) ? Math.max(min, Math.floor(value)) : min;
}
