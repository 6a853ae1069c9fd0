import { activityShare, deckRecall, departure, lessonShare, mockTestEvidence } from './components';
import { READINESS_RULES as R } from './rules';
import type { AssessInput, Component, ComponentName, LessonProgress, Readiness, Reason, ReasonCode } from './types';

/** Readiness of one trainee at `now`, by the rule in READINESS_FORMULA. */
export function assess(input: AssessInput, now: Date): Readiness {
	const mock = mockTestEvidence(input.mockTests, input.cohort.targetExam, now);
	const trip = departure(input.cohort.departureDate, now);
	const recall = deckRecall(input.coreDeck, trip.projectAt);
	const protection = lessonShare(input.lessons.protection);
	const components = weigh({
		// No recent real test is missing evidence, not "nothing to measure": it counts 0.
		mockTest: mock.passProbability ?? 0,
		recall: recall.value,
		protection,
		culture: lessonShare(input.lessons.culture),
		activity: activityShare(input.activity)
	});
	const score = Object.values(components).reduce((sum, c) => sum + (c.value ?? 0) * c.weight, 0);

	const passChanceMet = mock.passProbability !== null && mock.passProbability >= R.mockTest.target;
	const recallMet = recall.value === null || recall.value >= R.recall.target;
	const protectionMet = protection === null || protection >= 1;
	const inactive = input.activity.daysStudied < R.activity.minimumDays;
	const ready = passChanceMet && recallMet && protectionMet && !inactive;
	const finalStretch = trip.daysLeft !== null && trip.daysLeft <= R.finalStretchDays;
	const scoreLow = (trip.daysLeft === null || trip.daysLeft <= R.scoreCountsWithinDays) && score < R.atRiskScore;
	const level = ready ? 'ready' : inactive || finalStretch || scoreLow ? 'at_risk' : 'on_track';

	const reasons: Reason[] = [];
	if (trip.daysLeft === null) reasons.push({ code: 'departure_unset' });
	else if (trip.daysLeft < 0) reasons.push({ code: 'departure_passed', daysAgo: -trip.daysLeft });
	else if (finalStretch && !ready) reasons.push({ code: 'departure_soon', daysLeft: trip.daysLeft, withinDays: R.finalStretchDays });
	if (scoreLow) reasons.push({ code: 'score_low', score, threshold: R.atRiskScore });

	if (mock.daysSince === null) reasons.push({ code: 'no_mock_test', practiceAttempts: mock.practiceAttempts });
	else if (mock.passProbability === null) {
		reasons.push({ code: 'no_recent_mock_test', daysSince: mock.daysSince, maxDays: R.mockTest.recentDays });
	} else {
		const evidence = { passProbability: mock.passProbability, target: R.mockTest.target, attempts: mock.attempts };
		if (passChanceMet) reasons.push({ code: 'mock_test_pass_chance_good', ...evidence, passed: mock.passed });
		else reasons.push({ code: 'mock_test_pass_chance_low', ...evidence });
	}

	const projectedOn = trip.projectAt.toISOString().slice(0, 10);
	if (recall.value === null) reasons.push({ code: 'core_deck_empty' });
	else if (recallMet) reasons.push({ code: 'projected_recall_good', recall: recall.value, target: R.recall.target, projectedOn });
	else {
		const { studied, of } = recall;
		reasons.push({ code: 'projected_recall_low', recall: recall.value, target: R.recall.target, projectedOn, studied, of });
	}

	reasons.push(lessonReason('protection', input.lessons.protection), lessonReason('culture', input.lessons.culture));

	const { daysStudied, reviews, minutes } = input.activity;
	const of = R.activity.windowDays;
	if (inactive) reasons.push({ code: 'inactive', daysStudied, of, minimum: R.activity.minimumDays });
	else if (daysStudied >= R.activity.targetDays) reasons.push({ code: 'active', daysStudied, of, reviews, minutes });

	// Problems first, so a dashboard showing only the first reason shows what to act on.
	const ordered = [...reasons.filter((r) => !isStrength(r)), ...reasons.filter(isStrength)];
	return { level, score, reasons: ordered, components };
}

const STRENGTHS: ReadonlySet<ReasonCode> = new Set<ReasonCode>([
	'mock_test_pass_chance_good',
	'projected_recall_good',
	'protection_lessons_complete',
	'culture_lessons_complete',
	'active'
]);

/** True for a reason that speaks for the trainee (shown as a strength), false for a problem or a notice. */
export function isStrength(reason: Reason): boolean {
	return STRENGTHS.has(reason.code);
}

function lessonReason(kind: 'culture' | 'protection', progress: LessonProgress): Reason {
	if (progress.available <= 0) return { code: 'lessons_unavailable', kind };
	if (progress.done >= progress.available) return { code: `${kind}_lessons_complete`, of: progress.available };
	return { code: `${kind}_lessons_missing`, done: progress.done, of: progress.available };
}

// Components with nothing to measure drop out; the others' weights are scaled up so they still sum to 1.
function weigh(values: Record<ComponentName, number | null>): Record<ComponentName, Component> {
	const names = Object.keys(values) as ComponentName[];
	const total = names.reduce((sum, name) => sum + (values[name] === null ? 0 : R.weights[name]), 0);
	const entries = names.map((name) => {
		const value = values[name];
		return [name, { value, weight: value === null || total === 0 ? 0 : R.weights[name] / total }] as const;
	});
	return Object.fromEntries(entries) as Record<ComponentName, Component>;
}
