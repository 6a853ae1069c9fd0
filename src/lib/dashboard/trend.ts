/** One week of a cohort's study, as the database sums it (week 0 = the oldest week shown). */
export interface WeekCount {
	week: number;
	reviews: number;
	/** Reviews not graded Again. */
	recalled: number;
	/** Trainees who reviewed at least once that week. */
	active: number;
}

export interface TrendWeek {
	/** The week's Monday, YYYY-MM-DD. */
	week: string;
	reviews: number;
	active: number;
	/** Share of the week's reviews recalled; null without reviews. */
	recallRate: number | null;
	/** Mean reviews per trainee of the cohort. */
	perTrainee: number;
}

/** Every week of the window in order, zeros where nobody studied; rows outside the window are ignored. */
export function weeklyTrend(weeks: readonly string[], counts: readonly WeekCount[], trainees: number): TrendWeek[] {
	const byWeek = new Map(counts.map((row) => [row.week, row]));
	return weeks.map((week, index) => {
		const row = byWeek.get(index);
		const reviews = row?.reviews ?? 0;
		return {
			week,
			reviews,
			active: row?.active ?? 0,
			recallRate: reviews > 0 ? (row?.recalled ?? 0) / reviews : null,
			perTrainee: trainees > 0 ? reviews / trainees : 0
		};
	});
}
