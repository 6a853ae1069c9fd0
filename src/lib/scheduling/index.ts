// Spaced-repetition scheduling for Hashi: pure functions over ts-fsrs, no I/O, time always passed in.
export { Rating, DEFAULT_STUDY_SETTINGS, isStep } from './types';
export type { LearningPhase, Review, ScheduleState, Step, StudySettings } from './types';
export { grade } from './grade';
export { replay, replayByCard, inReplayOrder } from './replay';
export { retrievability, projectedRecall, recallCurve, forecast } from './recall';
export { planCatchUp, newCardsToday } from './workload';
export type { CatchUpPlan, NewCardLimits } from './workload';
