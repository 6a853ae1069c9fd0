import { createEmptyCard, fsrs, State, type Card, type FSRS } from 'ts-fsrs';
import { DEFAULT_STUDY_SETTINGS, type LearningPhase, type ScheduleState, type StudySettings } from './types';

const PHASE: Record<State, LearningPhase> = {
	[State.New]: 'New',
	[State.Learning]: 'Learning',
	[State.Review]: 'Review',
	[State.Relearning]: 'Relearning'
};

const STATE: Record<LearningPhase, State> = {
	New: State.New,
	Learning: State.Learning,
	Review: State.Review,
	Relearning: State.Relearning
};

/** A ts-fsrs scheduler for these settings; cheap (~10 µs), so made per call rather than cached. */
export function scheduler(settings: StudySettings = DEFAULT_STUDY_SETTINGS): FSRS {
	return fsrs({
		request_retention: settings.desiredRetention,
		maximum_interval: settings.maximumIntervalDays,
		enable_fuzz: settings.enableFuzz,
		// Short-term scheduling is what makes ts-fsrs honour the (re)learning steps.
		enable_short_term: true,
		learning_steps: settings.learningSteps,
		relearning_steps: settings.relearningSteps,
		...(settings.weights ? { w: settings.weights } : {})
	});
}

export function toCard(state: ScheduleState | null, at: Date): Card {
	if (!state) return createEmptyCard(at);
	const { due, last_review, state: phase, ...memory } = state;
	const card: Card = { ...memory, due: new Date(due), state: STATE[phase] };
	if (last_review !== null) card.last_review = new Date(last_review);
	return card;
}

export function fromCard(card: Card): ScheduleState {
	return {
		due: card.due.toISOString(),
		stability: card.stability,
		difficulty: card.difficulty,
		elapsed_days: card.elapsed_days,
		scheduled_days: card.scheduled_days,
		learning_steps: card.learning_steps,
		reps: card.reps,
		lapses: card.lapses,
		state: PHASE[card.state],
		last_review: card.last_review ? card.last_review.toISOString() : null
	};
}
