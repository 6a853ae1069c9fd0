import { m } from '$lib/paraglide/messages.js';
import type { ReadinessLevel, Reason } from '$lib/readiness';
import { formatDate } from './index';

const pct = (share: number) => Math.round(share * 100);

/** A readiness reason in the reader's language, with its numbers. */
export function reasonText(reason: Reason): string {
	switch (reason.code) {
		case 'no_mock_test':
			return m.readiness_reason_no_mock_test(reason);
		case 'no_recent_mock_test':
			return m.readiness_reason_no_recent_mock_test(reason);
		case 'mock_test_pass_chance_low':
			return m.readiness_reason_mock_test_pass_chance_low({ ...reason, passProbability: pct(reason.passProbability), target: pct(reason.target) });
		case 'mock_test_pass_chance_good':
			return m.readiness_reason_mock_test_pass_chance_good({ ...reason, passProbability: pct(reason.passProbability), target: pct(reason.target) });
		case 'projected_recall_low':
			return m.readiness_reason_projected_recall_low({ ...reason, recall: pct(reason.recall), target: pct(reason.target), projectedOn: formatDate(reason.projectedOn) });
		case 'projected_recall_good':
			return m.readiness_reason_projected_recall_good({ recall: pct(reason.recall), target: pct(reason.target), projectedOn: formatDate(reason.projectedOn) });
		case 'core_deck_empty':
			return m.readiness_reason_core_deck_empty();
		case 'protection_lessons_missing':
			return m.readiness_reason_protection_lessons_missing(reason);
		case 'protection_lessons_complete':
			return m.readiness_reason_protection_lessons_complete(reason);
		case 'culture_lessons_missing':
			return m.readiness_reason_culture_lessons_missing(reason);
		case 'culture_lessons_complete':
			return m.readiness_reason_culture_lessons_complete(reason);
		case 'lessons_unavailable':
			return m.readiness_reason_lessons_unavailable({
				kind: reason.kind === 'culture' ? m.readiness_kind_culture() : m.readiness_kind_protection()
			});
		case 'inactive':
			return m.readiness_reason_inactive(reason);
		case 'active':
			return m.readiness_reason_active(reason);
		case 'score_low':
			return m.readiness_reason_score_low({ score: pct(reason.score), threshold: pct(reason.threshold) });
		case 'departure_soon':
			return m.readiness_reason_departure_soon(reason);
		case 'departure_passed':
			return m.readiness_reason_departure_passed(reason);
		case 'departure_unset':
			return m.readiness_reason_departure_unset();
	}
}

export const levelLabel = (level: ReadinessLevel) =>
	({ ready: m.readiness_level_ready, on_track: m.readiness_level_on_track, at_risk: m.readiness_level_at_risk })[level]();
