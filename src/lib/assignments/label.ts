import { localized } from '$lib/i18n';
import { m } from '$lib/paraglide/messages.js';
import type { TextJa } from '$lib/curriculum/types';

interface Described {
	kind: 'lesson' | 'study_target' | 'work_task';
	lessonTitle: TextJa | null;
	trackTitle: TextJa | null;
	scene: string | null;
	targetReviews: number | null;
	workMode?: 'written' | 'spoken' | null;
	title?: string | null;
}

/** "Lesson title", "30 card reviews · Caregiving · 食事介助", or "Spoken: 自己紹介". */
export function assignmentLabel(a: Described): string {
	if (a.kind === 'work_task') {
		const title = a.title ?? '';
		return a.workMode === 'spoken' ? m.work_label_spoken({ title }) : m.work_label_written({ title });
	}
	if (a.kind === 'lesson') return a.lessonTitle ? localized(a.lessonTitle) : m.assignment_kind_lesson();
	const what = [a.trackTitle ? localized(a.trackTitle) : null, a.scene].filter(Boolean).join(' · ');
	return m.assignment_target_label({ reviews: a.targetReviews ?? 0, what });
}
