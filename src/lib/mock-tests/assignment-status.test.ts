import { describe, expect, it } from 'vitest';
import { testAssignmentStatus } from './assignment-status';

const closes = new Date('2026-12-04T17:00:00Z');
const before = new Date('2026-12-03T00:00:00Z');
const after = new Date('2026-12-05T00:00:00Z');

describe('the status of an assigned mock test', () => {
	it('is not started until an attempt begins inside the window', () => {
		expect(testAssignmentStatus({ started: false, submitted: false }, closes, before)).toBe('not_started');
	});
	it('is in progress while an attempt is open', () => {
		expect(testAssignmentStatus({ started: true, submitted: false }, closes, before)).toBe('in_progress');
	});
	it('is done once an attempt is submitted, even looked at after the window', () => {
		expect(testAssignmentStatus({ started: true, submitted: true }, closes, after)).toBe('done');
	});
	it('is late once the window closed without a submitted attempt, started or not', () => {
		expect(testAssignmentStatus({ started: true, submitted: false }, closes, after)).toBe('late');
		expect(testAssignmentStatus({ started: false, submitted: false }, closes, after)).toBe('late');
	});
});
