// Readiness of a trainee for departure: pure, no I/O, time passed in. The rule is READINESS_FORMULA.
export { assess, isStrength } from './assess';
export { READINESS_RULES, READINESS_FORMULA } from './rules';
export { departure } from './components';
export type {
	AssessInput,
	Component,
	DeckSummary,
	ComponentName,
	LessonProgress,
	MockTestResult,
	Readiness,
	ReadinessInput,
	ReadinessLevel,
	Reason,
	ReasonCode,
	RecentActivity
} from './types';
