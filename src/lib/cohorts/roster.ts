import { z } from 'zod';

// Where a trainee stands on the roster (cohort_members.status, migration 20261124001100_trainee_status.sql).
export const traineeStatuses = ['in_training', 'ready', 'departed', 'withdrawn'] as const;
export type TraineeStatus = (typeof traineeStatuses)[number];

/** How far ahead a departure may be recorded: a booked flight, not a guess. The database allows one day more. */
export const MAX_DAYS_AHEAD = 60;

export type StatusErrorKey =
	| 'roster_error_status'
	| 'roster_error_departed_missing'
	| 'roster_error_departed_invalid'
	| 'roster_error_departed_before_joining'
	| 'roster_error_departed_too_far';

export interface StatusChange {
	status: TraineeStatus;
	/** 'YYYY-MM-DD' when departed, else null. */
	departedOn: string | null;
}

/** The calendar day of an instant in a zone given as minutes east of UTC (WIB is 420). */
export function localDay(instant: Date, offsetMinutes: number): string {
	return new Date(instant.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

function addDays(day: string, days: number): string {
	return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A real calendar day written YYYY-MM-DD (what a date input sends). */
function isCalendarDate(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * The status form checked against the enrolment: a departure needs a real date, not before the trainee joined
 * (their day) and not more than MAX_DAYS_AHEAD after today. Other statuses drop any date sent with them.
 */
export function checkStatusChange(
	form: { status: unknown; departedOn: unknown },
	context: { joinedOn: string; today: string }
): { ok: true; change: StatusChange } | { ok: false; error: StatusErrorKey } {
	const status = z.enum(traineeStatuses).safeParse(form.status);
	if (!status.success) return { ok: false, error: 'roster_error_status' };
	if (status.data !== 'departed') return { ok: true, change: { status: status.data, departedOn: null } };
	const date = typeof form.departedOn === 'string' ? form.departedOn.trim() : '';
	if (date === '') return { ok: false, error: 'roster_error_departed_missing' };
	if (!isCalendarDate(date)) return { ok: false, error: 'roster_error_departed_invalid' };
	if (date < context.joinedOn) return { ok: false, error: 'roster_error_departed_before_joining' };
	if (date > addDays(context.today, MAX_DAYS_AHEAD)) return { ok: false, error: 'roster_error_departed_too_far' };
	return { ok: true, change: { status: 'departed', departedOn: date } };
}

