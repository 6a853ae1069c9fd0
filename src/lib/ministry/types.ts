// The ministry view's shapes: what the database returns (sums over cohorts, not yet safe to show) and what a
// browser may receive (every figure either a count of at least MIN_TRAINEES trainees or SUPPRESSED).

export const STATUSES = ['in_training', 'ready', 'departed', 'withdrawn'] as const;
export type Status = (typeof STATUSES)[number];

export const DIMENSIONS = ['province', 'center', 'sector', 'destination', 'departure'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const LEVELS = ['ready', 'on_track', 'at_risk'] as const;
export type Level = (typeof LEVELS)[number];

/** What a suppressed figure reads as, on the page and in the CSV files. */
export const SUPPRESSED = '<5';
export type Figure = number | typeof SUPPRESSED;

/** Every filter is optional; they combine (all must hold). departure is 'YYYY-MM' or 'none'. */
export type Filters = Partial<Record<Dimension, string>>;

// Raw sums from the database (server only).
export interface StatusRow {
	dimension: Dimension | 'total';
	key: string;
	label: string;
	status: Status;
	trainees: number;
}
export interface MonthRow {
	month: string; // YYYY-MM
	joined: number;
	departed: number;
	activeTrainees: number;
	reviews: number;
}
export interface TestRow {
	exam: string;
	takers: number;
	passers: number;
	attempts: number;
	passedAttempts: number;
}
export interface ReadinessRow {
	ready: number;
	onTrack: number;
	atRisk: number;
	/** ISO instant of the oldest cohort figure, null when none was computed yet. */
	oldest: string | null;
}

/** The headline figures of a view this one narrows (one filter left out, or none at all). */
export interface ParentFigures {
	totals: Record<Status, number>;
	months: MonthRow[];
	tests: TestRow[];
	readiness: ReadinessRow;
}

export interface Aggregates {
	status: StatusRow[];
	months: MonthRow[];
	tests: TestRow[];
	readiness: ReadinessRow;
	parents: ParentFigures[];
}

// The safe view (may go to a browser).
export interface BreakdownRow {
	key: string;
	label: string;
	byStatus: Record<Status, Figure>;
	total: Figure;
}
export interface Breakdown {
	dimension: Dimension;
	rows: BreakdownRow[];
}
export interface TrendRow {
	month: string;
	joined: Figure;
	departed: Figure;
	activeTrainees: Figure;
	reviews: Figure;
}
export interface TestSummary {
	exam: string;
	takers: Figure;
	passed: Figure;
	notPassed: Figure;
	/** 0–100, or null when it would reveal a suppressed figure. */
	passRate: number | null;
}
export interface ReadinessSummary {
	ready: Figure;
	onTrack: Figure;
	atRisk: Figure;
	assessed: Figure;
	oldest: string | null;
}
export interface MinistryView {
	totals: { byStatus: Record<Status, Figure>; total: Figure };
	breakdowns: Breakdown[];
	trends: TrendRow[];
	tests: TestSummary[];
	readiness: ReadinessSummary;
}
