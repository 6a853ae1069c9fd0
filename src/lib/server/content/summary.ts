import type { Curriculum } from './validate';

export interface TrackCount {
	track: string;
	units: number;
	lessons: number;
	vocabulary: number;
}

export function countByTrack(curriculum: Curriculum): TrackCount[] {
	return curriculum.tracks.map((track) => {
		const units = curriculum.units.filter((u) => u.track === track.id);
		const lessons = units.flatMap((u) => u.lessons);
		return {
			track: track.id,
			units: units.length,
			lessons: lessons.length,
			vocabulary: lessons.reduce((sum, l) => sum + l.vocabulary.length, 0)
		};
	});
}

/** The summary table the build ends with. */
export function summaryTable(curriculum: Curriculum): string {
	const rows = countByTrack(curriculum).map((c) => [c.track, c.units, c.lessons, c.vocabulary]);
	rows.push(['grammar points', '', '', curriculum.grammar.length]);
	rows.push(['culture scenarios', '', '', curriculum.culture.length]);
	rows.push(['protection lessons', '', '', curriculum.protection.length]);
	for (const test of [...new Set(curriculum.testUnits.map((u) => u.test))].sort()) {
		const units = curriculum.testUnits.filter((u) => u.test === test);
		rows.push([`test items: ${test}`, units.length, '', units.reduce((n, u) => n + u.items.length, 0)]);
	}
	const header = ['track / kind', 'units', 'lessons', 'items'];
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
	const line = (cells: (string | number)[]) => cells.map((c, i) => String(c).padEnd(widths[i]!)).join('  ');
	return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
