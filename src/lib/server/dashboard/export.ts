import { assignmentLabel } from '$lib/assignments/label';
import { assignmentStatuses } from '$lib/assignments/status';
import type { CsvTable } from '$lib/dashboard/csv';
import { examLabel } from '$lib/i18n';
import { message } from '$lib/i18n/any';
import { levelLabel, reasonText } from '$lib/i18n/readiness';
import { m } from '$lib/paraglide/messages.js';
import { localDay } from '$lib/progress/days';
import { isStrength } from '$lib/readiness';
import type { HeatmapRow } from '$lib/dashboard/heatmap';
import type { CohortDashboard } from './index';
import type { TraineeView } from './trainee';

// The tables the dashboard and the trainee page show, as their CSV files hold them: the same columns, figures
// as plain numbers (percentages 0–100), dates as YYYY-MM-DD, in the reader's language.

export const cohortTables = ['readiness', 'assignments', 'mondai', 'scenes', 'trend'] as const;
export type CohortTable = (typeof cohortTables)[number];
export const traineeTables = ['activity', 'retention', 'tests', 'submissions'] as const;
export type TraineeTable = (typeof traineeTables)[number];

/** The table's name in the reader's language (link text, file name). */
export const tableLabel = (table: CohortTable | TraineeTable) => message(`dash_table_${table}`);

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 100));
/** The local calendar day of an instant, where the trainees are. */
const day = (value: Date | string, tzOffsetMinutes: number) => localDay(new Date(value), tzOffsetMinutes);

function heatmapTable(first: string, rows: readonly HeatmapRow[], weeks: readonly string[], name: (row: HeatmapRow) => string): CsvTable {
	return {
		header: [first, ...weeks.map((week) => m.dash_col_week({ date: week })), m.dash_col_overall({ weeks: weeks.length })],
		rows: rows.map((row) => [name(row), ...row.cells.map((cell) => percent(cell.rate)), percent(row.rate)])
	};
}

export function cohortTable(dashboard: CohortDashboard, table: CohortTable): CsvTable {
	switch (table) {
		case 'readiness':
			return {
				header: [m.dash_col_trainee(), m.dash_col_level(), m.dash_col_score(), m.dash_col_reasons()],
				rows: dashboard.readiness.map((t) => [
					t.displayName,
					levelLabel(t.readiness.level),
					Math.round(t.readiness.score * 100),
					t.readiness.reasons.filter((r) => !isStrength(r)).map(reasonText).join('; ')
				])
			};
		case 'assignments':
			return {
				header: [m.dash_col_assignment(), m.dash_col_due(), ...assignmentStatuses.map((s) => message(`assignment_status_${s}`))],
				rows: dashboard.assignments.map((a) => [assignmentLabel(a), day(a.dueAt, dashboard.tzOffsetMinutes), ...assignmentStatuses.map((s) => a.counts[s])])
			};
		case 'mondai': {
			const names = new Map(dashboard.mondai.map((row) => [row.key, row.name]));
			return heatmapTable(m.dash_col_mondai(), dashboard.mondai, dashboard.weeks, (row) => names.get(row.key) ?? row.key);
		}
		case 'scenes':
			return heatmapTable(m.dash_col_scene(), dashboard.scenes, dashboard.weeks, (row) => row.key);
		case 'trend':
			return {
				header: [m.dash_col_week_start(), m.dash_col_reviews(), m.dash_col_active(), m.dash_col_recall(), m.dash_col_per_trainee()],
				rows: dashboard.trend.map((w) => [w.week, w.reviews, w.active, percent(w.recallRate), Math.round(w.perTrainee * 10) / 10])
			};
	}
}

export function traineeTable(view: TraineeView, table: TraineeTable): CsvTable {
	switch (table) {
		case 'activity':
			return {
				header: [m.dash_col_day(), m.dash_col_reviews()],
				rows: view.calendar.weeks.flatMap((w) => w.days).filter((d) => !d.future).map((d) => [d.day, d.reviews])
			};
		case 'retention':
			return {
				header: [m.dash_col_week_start(), m.dash_col_reviews(), m.dash_col_recalled(), m.dash_col_retention()],
				rows: view.retention.map((w) => [w.week, w.reviews, w.recalled, percent(w.rate)])
			};
		case 'tests':
			return {
				header: [m.dash_col_date(), m.dash_col_test(), m.dash_col_total(), m.dash_col_passed(), m.dash_col_pass_chance(), m.dash_col_practice()],
				rows: view.mockTests.map((t) => [
					day(t.submittedAt, view.tzOffsetMinutes),
					examLabel(t.test),
					t.total,
					t.passed === null ? null : t.passed ? m.dash_yes() : m.dash_no(),
					percent(t.passProbability),
					t.practice ? m.dash_yes() : m.dash_no()
				])
			};
		case 'submissions':
			return {
				header: [m.dash_col_submitted(), m.dash_col_assignment(), m.work_mode(), m.dash_col_version(), m.dash_col_status(), m.dash_col_work_score()],
				rows: view.submissions.map((s) => [
					day(s.submittedAt, view.tzOffsetMinutes),
					s.title,
					message(`work_mode_${s.mode}`),
					s.version,
					message(`assignment_status_${s.status}`),
					s.total === null ? null : `${s.total}/${s.max}`
				])
			};
	}
}
