import { localized } from '$lib/i18n';
import { m } from '$lib/paraglide/messages.js';
import type { TextJa } from '$lib/curriculum/types';

interface Described {
	kind: 'lesson' | 'study_target';
	lessonTitle: TextJa | null;
	trackTitle: TextJa | null;
	scene: string | null;
	targetReviews: number | null;
}

/** "Lesson title", or "30 card reviews · Caregiving · 食事介助". */
export function assignmentLabel(a: Described): string {
	if (a.kind === 'lesson') return a.lessonTitle ? localized(a.lessonTitle) : m.assignment_kind_lesson();
	const what = [a.trackTitle ? localized(a.trackTitle) : null, a.scene].filter(Boolean).join(' · ');
	return m.assignment_target_label({ reviews: a.targetReviews ?? 0, what });
}
