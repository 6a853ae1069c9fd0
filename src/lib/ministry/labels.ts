import { m } from '$lib/paraglide/messages.js';
import type { Labels } from './tables';
import type { Dimension } from './types';

const sectors: Record<string, () => string> = {
	caregiving: m.sector_caregiving,
	manufacturing: m.sector_manufacturing,
	hospitality: m.sector_hospitality
};
const exams: Record<string, () => string> = {
	jlpt_n5: m.exam_jlpt_n5,
	jlpt_n4: m.exam_jlpt_n4,
	jft_basic: m.exam_jft_basic,
	caregiving_japanese: m.exam_caregiving_japanese
};

/** A filter or breakdown value in words: sector codes and "no departure date" are translated, names are not. */
export function valueLabel(dimension: Dimension, key: string, label: string): string {
	if (dimension === 'sector') return sectors[key]?.() ?? label;
	if (dimension === 'departure' && key === 'none') return m.ministry_departure_none();
	return label;
}

/** The tables' words in the current language (the request's, on the server). */
export function labels(): Labels {
	return {
		table: {
			totals: m.ministry_table_totals(),
			province: m.ministry_table_province(),
			center: m.ministry_table_center(),
			sector: m.ministry_table_sector(),
			destination: m.ministry_table_destination(),
			departure: m.ministry_table_departure(),
			trends: m.ministry_table_trends(),
			tests: m.ministry_table_tests(),
			readiness: m.ministry_table_readiness()
		},
		dimension: {
			province: m.ministry_dim_province(),
			center: m.ministry_dim_center(),
			sector: m.ministry_dim_sector(),
			destination: m.ministry_dim_destination(),
			departure: m.ministry_dim_departure()
		},
		status: {
			in_training: m.ministry_status_in_training(),
			ready: m.ministry_status_ready(),
			departed: m.ministry_status_departed(),
			withdrawn: m.ministry_status_withdrawn()
		},
		total: m.ministry_total(),
		trainees: m.ministry_trainees(),
		month: m.ministry_month(),
		joined: m.ministry_joined(),
		departed: m.ministry_departed(),
		activeTrainees: m.ministry_active(),
		reviews: m.ministry_reviews(),
		exam: m.ministry_exam(),
		takers: m.ministry_takers(),
		passed: m.ministry_passed(),
		notPassed: m.ministry_not_passed(),
		passRate: m.ministry_pass_rate(),
		level: m.ministry_level(),
		levels: { ready: m.readiness_level_ready(), onTrack: m.readiness_level_on_track(), atRisk: m.readiness_level_at_risk(), assessed: m.ministry_assessed() },
		value: valueLabel,
		examName: (exam) => exams[exam]?.() ?? exam
	};
}
