import type { AssignmentStatus } from '$lib/assignments/status';

/** A trainee's attempts at the assigned test inside its window. */
export interface WindowAttempts {
	started: boolean;
	submitted: boolean;
}

/** Done once an attempt inside the window is submitted; late once the window closed without one. Pure. */
export function testAssignmentStatus(attempts: WindowAttempts, closesAt: Date, now: Date): AssignmentStatus {
	if (attempts.submitted) return 'done';
	if (now.getTime() > closesAt.getTime()) return 'late';
	return attempts.started ? 'in_progress' : 'not_started';
}
