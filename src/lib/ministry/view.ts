import { suppress, type Cell, type Relation } from './suppress';
import {
	DIMENSIONS,
	STATUSES,
	SUPPRESSED,
	type Aggregates,
	type Breakdown,
	type Figure,
	type MinistryView,
	type Status
} from './types';

/**
 * Turns the database's sums into the view a ministry viewer may see: every table of one filtered population
 * (totals, the five breakdowns, monthly trends, mock tests, readiness) protected together, since they share
 * figures (each breakdown's column totals are the headline totals) and can be subtracted from one another.
 */
export function buildView(data: Aggregates): MinistryView {
	const cells = new Map<string, Cell>();
	const relations: Relation[] = [];
	const cell = (id: string, value: number, kind: Cell['kind'] = 'shown', protect = false) => {
		cells.set(id, { id, value, kind, protect });
		return id;
	};

	// Headline totals: trainees by status and all of them.
	const totals = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
	for (const row of data.status) if (row.dimension === 'total') totals[row.status] += row.trainees;
	const grand = STATUSES.reduce((sum, s) => sum + totals[s], 0);
	for (const s of STATUSES) cell(`total:${s}`, totals[s]);
	cell('total:all', grand);
	relations.push({ total: 'total:all', parts: STATUSES.map((s) => `total:${s}`) });

	// Breakdowns: a row per value, a column per status, the totals row shared by all of them.
	const breakdownRows = DIMENSIONS.map((dimension) => {
		const rows = new Map<string, { key: string; label: string; counts: Record<Status, number> }>();
		for (const row of data.status) {
			if (row.dimension !== dimension) continue;
			const entry = rows.get(row.key) ?? { key: row.key, label: row.label, counts: Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number> };
			entry.counts[row.status] += row.trainees;
			rows.set(row.key, entry);
		}
		const list = [...rows.values()].sort((a, b) => a.label.localeCompare(b.label) || a.key.localeCompare(b.key));
		list.forEach((row, r) => {
			const id = (s: Status | 'all') => `${dimension}:${r}:${s}`;
			for (const s of STATUSES) cell(id(s), row.counts[s]);
			cell(id('all'), STATUSES.reduce((sum, s) => sum + row.counts[s], 0));
			relations.push({ total: id('all'), parts: STATUSES.map(id) });
		});
		for (const s of [...STATUSES, 'all'] as const) {
			relations.push({ total: `total:${s}`, parts: list.map((_, r) => `${dimension}:${r}:${s}`) });
		}
		return { dimension, list };
	});

	// Monthly trends. Joined and departed add up over all months to the current totals, plus the enrolments
	// deleted since (history is kept when a person is deleted). Those few must not be worked out either: their
	// number and the months' sum are hidden cells, and the sum is protected, so at least one month stays hidden.
	const months = [...data.months].sort((a, b) => a.month.localeCompare(b.month));
	months.forEach((m) => {
		cell(`month:${m.month}:joined`, m.joined);
		cell(`month:${m.month}:departed`, m.departed);
		cell(`month:${m.month}:active`, m.activeTrainees);
	});
	for (const [what, current] of [['joined', 'total:all'], ['departed', 'total:departed']] as const) {
		if (months.length === 0) break;
		const parts = months.map((m) => `month:${m.month}:${what}`);
		const sum = months.reduce((n, m) => n + m[what], 0);
		const gone = sum - cells.get(current)!.value;
		if (gone === 0) {
			relations.push({ total: current, parts });
			continue;
		}
		cell(`${what}:sum`, sum, 'hidden', true);
		cell(`${what}:gone`, gone, 'hidden');
		relations.push({ total: `${what}:sum`, parts }, { total: `${what}:sum`, parts: [current, `${what}:gone`] });
	}

	// Mock tests: of the trainees who took an exam, those who passed it and those who did not.
	for (const t of data.tests) {
		cell(`test:${t.exam}:takers`, t.takers);
		cell(`test:${t.exam}:passed`, t.passers);
		cell(`test:${t.exam}:failed`, t.takers - t.passers);
		relations.push({ total: `test:${t.exam}:takers`, parts: [`test:${t.exam}:passed`, `test:${t.exam}:failed`] });
	}

	// Readiness levels; when every trainee in training or ready was assessed, they add up to those totals too.
	const r = data.readiness;
	cell('readiness:ready', r.ready);
	cell('readiness:on_track', r.onTrack);
	cell('readiness:at_risk', r.atRisk);
	const assessed = r.ready + r.onTrack + r.atRisk;
	cell('readiness:all', assessed);
	relations.push({ total: 'readiness:all', parts: ['readiness:ready', 'readiness:on_track', 'readiness:at_risk'] });
	if (assessed === totals.in_training + totals.ready) relations.push({ total: 'readiness:all', parts: ['total:in_training', 'total:ready'] });

	// A filtered figure next to the same figure of a view it narrows (published there): the trainees the filter
	// leaves out could be worked out by subtraction, so they are a hidden cell. A parent view with exactly the same
	// figures (nobody left out) adds nothing its own, equally protected, view lacks.
	data.parents.forEach((parent, i) => {
		const pairs: [string, number][] = [
			...STATUSES.map((s) => [`total:${s}`, parent.totals[s]] as [string, number]),
			['total:all', STATUSES.reduce((sum, s) => sum + parent.totals[s], 0)],
			...parent.months.flatMap((m) =>
				(['joined', 'departed', 'active'] as const).map((what) => [`month:${m.month}:${what}`, what === 'active' ? m.activeTrainees : m[what]] as [string, number])
			),
			...parent.tests.flatMap((t) => [
				[`test:${t.exam}:takers`, t.takers] as [string, number],
				[`test:${t.exam}:passed`, t.passers] as [string, number],
				[`test:${t.exam}:failed`, t.takers - t.passers] as [string, number]
			]),
			['readiness:ready', parent.readiness.ready],
			['readiness:on_track', parent.readiness.onTrack],
			['readiness:at_risk', parent.readiness.atRisk],
			['readiness:all', parent.readiness.ready + parent.readiness.onTrack + parent.readiness.atRisk]
		];
		// Figures the filtered view does not publish at all (a month or exam it has no row for) link nothing.
		const linked = pairs.filter(([id]) => cells.has(id));
		if (linked.every(([id, value]) => cells.get(id)!.value === value)) return;
		for (const [id, value] of linked) {
			cell(`parent${i}:${id}`, value, 'known');
			cell(`outside${i}:${id}`, value - cells.get(id)!.value, 'hidden');
			relations.push({ total: `parent${i}:${id}`, parts: [id, `outside${i}:${id}`] });
		}
	});

	const hidden = suppress([...cells.values()], relations);
	const show = (id: string): Figure => (hidden.has(id) ? SUPPRESSED : cells.get(id)!.value);

	const breakdowns: Breakdown[] = breakdownRows.map(({ dimension, list }) => ({
		dimension,
		rows: list.map((row, i) => ({
			key: row.key,
			label: row.label,
			byStatus: Object.fromEntries(STATUSES.map((s) => [s, show(`${dimension}:${i}:${s}`)])) as Record<Status, Figure>,
			total: show(`${dimension}:${i}:all`)
		}))
	}));

	return {
		totals: { byStatus: Object.fromEntries(STATUSES.map((s) => [s, show(`total:${s}`)])) as Record<Status, Figure>, total: show('total:all') },
		breakdowns,
		trends: months.map((m) => {
			const active = show(`month:${m.month}:active`);
			// Reviews are about the trainees who studied that month: hidden with them.
			return { month: m.month, joined: show(`month:${m.month}:joined`), departed: show(`month:${m.month}:departed`), activeTrainees: active, reviews: active === SUPPRESSED ? SUPPRESSED : m.reviews };
		}),
		tests: data.tests.map((t) => {
			const passed = show(`test:${t.exam}:passed`);
			const notPassed = show(`test:${t.exam}:failed`);
			const takers = show(`test:${t.exam}:takers`);
			const rate = typeof passed === 'number' && typeof takers === 'number' && notPassed !== SUPPRESSED ? Math.round((passed / takers) * 100) : null;
			return { exam: t.exam, takers, passed, notPassed, passRate: rate };
		}),
		readiness: {
			ready: show('readiness:ready'),
			onTrack: show('readiness:on_track'),
			atRisk: show('readiness:at_risk'),
			assessed: show('readiness:all'),
			oldest: r.oldest
		}
	};
}
