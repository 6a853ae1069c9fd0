import type { CsvCell } from './csv';
import { DIMENSIONS, STATUSES, type Dimension, type MinistryView, type Status } from './types';

export const TABLE_IDS = ['totals', ...DIMENSIONS, 'trends', 'tests', 'readiness'] as const;
export type TableId = (typeof TABLE_IDS)[number];

/** The words of the tables, in the reader's language (labels.ts makes them from the messages). */
export interface Labels {
	table: Record<TableId, string>;
	dimension: Record<Dimension, string>;
	status: Record<Status, string>;
	total: string;
	trainees: string;
	month: string;
	joined: string;
	departed: string;
	activeTrainees: string;
	reviews: string;
	exam: string;
	takers: string;
	passed: string;
	notPassed: string;
	passRate: string;
	level: string;
	levels: { ready: string; onTrack: string; atRisk: string; assessed: string };
	/** A breakdown row's label: sectors and exams are codes, departure months may be 'none'. */
	value: (dimension: Dimension, key: string, label: string) => string;
	examName: (exam: string) => string;
}

/** One table as the page shows it and the CSV file holds it. */
export interface Table {
	id: TableId;
	title: string;
	header: string[];
	rows: CsvCell[][];
	/** The last row is a total row. */
	totalRow: boolean;
}

/** Every table of the view, already suppressed: the page and the CSV export both render these. */
export function tables(view: MinistryView, t: Labels): Table[] {
	const statusHeader = [...STATUSES.map((s) => t.status[s]), t.total];
	const totals = [...STATUSES.map((s) => view.totals.byStatus[s]), view.totals.total];
	const out: Table[] = [
		{ id: 'totals', title: t.table.totals, header: [t.trainees, ...statusHeader], rows: [[t.total, ...totals]], totalRow: false }
	];
	for (const b of view.breakdowns) {
		out.push({
			id: b.dimension,
			title: t.table[b.dimension],
			header: [t.dimension[b.dimension], ...statusHeader],
			rows: [
				...b.rows.map((row) => [t.value(b.dimension, row.key, row.label), ...STATUSES.map((s) => row.byStatus[s]), row.total]),
				[t.total, ...totals]
			],
			totalRow: true
		});
	}
	out.push({
		id: 'trends',
		title: t.table.trends,
		header: [t.month, t.joined, t.departed, t.activeTrainees, t.reviews],
		rows: view.trends.map((m) => [m.month, m.joined, m.departed, m.activeTrainees, m.reviews]),
		totalRow: false
	});
	out.push({
		id: 'tests',
		title: t.table.tests,
		header: [t.exam, t.takers, t.passed, t.notPassed, t.passRate],
		rows: view.tests.map((x) => [t.examName(x.exam), x.takers, x.passed, x.notPassed, x.passRate === null ? '<5' : x.passRate]),
		totalRow: false
	});
	const r = view.readiness;
	out.push({
		id: 'readiness',
		title: t.table.readiness,
		header: [t.level, t.trainees],
		rows: [
			[t.levels.ready, r.ready],
			[t.levels.onTrack, r.onTrack],
			[t.levels.atRisk, r.atRisk],
			[t.levels.assessed, r.assessed]
		],
		totalRow: true
	});
	return out;
}
