import { describe, expect, it } from 'vitest';
import { assignmentStatus, workTaskStatus } from './status';

const due = new Date('2026-11-27T16:59:59Z'); // Friday, end of day WIB
const before = new Date('2026-11-25T03:00:00Z');
const after = new Date('2026-11-28T01:00:00Z');

describe('assignmentStatus', () => {
	it('is not started with no progress before the due date', () => {
		expect(assignmentStatus({ progress: 0, target: 1 }, due, before)).toEqual({ status: 'not_started', progress: 0, target: 1 });
	});
	it('is in progress with some reviews before the due date', () => {
		expect(assignmentStatus({ progress: 12, target: 30 }, due, before)).toEqual({ status: 'in_progress', progress: 12, target: 30 });
	});
	it('is done when the lesson is completed or the target reached, even past due', () => {
		expect(assignmentStatus({ progress: 1, target: 1 }, due, before).status).toBe('done');
		expect(assignmentStatus({ progress: 45, target: 30 }, due, after)).toEqual({ status: 'done', progress: 30, target: 30 });
	});
	it('is late when not done after the due date, with or without progress', () => {
		expect(assignmentStatus({ progress: 0, target: 1 }, due, after).status).toBe('late');
		expect(assignmentStatus({ progress: 29, target: 30 }, due, after)).toEqual({ status: 'late', progress: 29, target: 30 });
	});
	it('counts the due instant itself as on time', () => {
		expect(assignmentStatus({ progress: 0, target: 1 }, due, due).status).toBe('not_started');
	});
});

describe('workTaskStatus', () => {
	const onTime = new Date('2026-11-26T08:00:00Z');
	const lateHandIn = new Date('2026-11-28T00:30:00Z');
	it('is not started before the due date with nothing handed in, and late after it', () => {
		expect(workTaskStatus({ firstSubmittedAt: null, latestScored: false }, due, before)).toEqual({ status: 'not_started', progress: 0, target: 1 });
		expect(workTaskStatus({ firstSubmittedAt: null, latestScored: false }, due, after).status).toBe('late');
	});
	it('is in progress while an on-time version waits for a score, even once the due date has passed', () => {
		expect(workTaskStatus({ firstSubmittedAt: onTime, latestScored: false }, due, before)).toEqual({ status: 'in_progress', progress: 1, target: 1 });
		expect(workTaskStatus({ firstSubmittedAt: onTime, latestScored: false }, due, after).status).toBe('in_progress');
	});
	it('is late when the first version came after the due date and is not scored yet', () => {
		expect(workTaskStatus({ firstSubmittedAt: lateHandIn, latestScored: false }, due, after).status).toBe('late');
	});
	it('is done once the latest version is scored, on time or not', () => {
		expect(workTaskStatus({ firstSubmittedAt: onTime, latestScored: true }, due, after).status).toBe('done');
		expect(workTaskStatus({ firstSubmittedAt: lateHandIn, latestScored: true }, due, after).status).toBe('done');
	});
});
