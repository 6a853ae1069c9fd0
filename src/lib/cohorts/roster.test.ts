import { describe, expect, it } from 'vitest';
import { checkStatusChange, localDay } from './roster';

const context = { joinedOn: '2026-03-02', today: '2026-11-24' };

describe('checkStatusChange', () => {
	it('accepts each status; only a departure keeps its date', () => {
		expect(checkStatusChange({ status: 'ready', departedOn: '2026-11-20' }, context)).toEqual({
			ok: true,
			change: { status: 'ready', departedOn: null }
		});
		expect(checkStatusChange({ status: 'withdrawn', departedOn: null }, context)).toMatchObject({ ok: true });
		expect(checkStatusChange({ status: 'in_training', departedOn: '' }, context)).toMatchObject({ ok: true });
		expect(checkStatusChange({ status: 'departed', departedOn: ' 2026-11-20 ' }, context)).toEqual({
			ok: true,
			change: { status: 'departed', departedOn: '2026-11-20' }
		});
	});

	it('refuses a status that does not exist', () => {
		expect(checkStatusChange({ status: 'graduated', departedOn: null }, context)).toEqual({ ok: false, error: 'roster_error_status' });
		expect(checkStatusChange({ status: null, departedOn: null }, context)).toEqual({ ok: false, error: 'roster_error_status' });
	});

	it('asks for a real departure date', () => {
		expect(checkStatusChange({ status: 'departed', departedOn: '' }, context)).toEqual({ ok: false, error: 'roster_error_departed_missing' });
		expect(checkStatusChange({ status: 'departed', departedOn: null }, context)).toEqual({ ok: false, error: 'roster_error_departed_missing' });
		expect(checkStatusChange({ status: 'departed', departedOn: '2026-02-30' }, context)).toEqual({ ok: false, error: 'roster_error_departed_invalid' });
		expect(checkStatusChange({ status: 'departed', departedOn: '20/11/2026' }, context)).toEqual({ ok: false, error: 'roster_error_departed_invalid' });
	});

	it('refuses a departure before the trainee joined, and one far ahead', () => {
		expect(checkStatusChange({ status: 'departed', departedOn: '2026-03-01' }, context)).toEqual({
			ok: false,
			error: 'roster_error_departed_before_joining'
		});
		expect(checkStatusChange({ status: 'departed', departedOn: '2026-03-02' }, context)).toMatchObject({ ok: true });
		// 60 days after 24 November is 23 January.
		expect(checkStatusChange({ status: 'departed', departedOn: '2027-01-23' }, context)).toMatchObject({ ok: true });
		expect(checkStatusChange({ status: 'departed', departedOn: '2027-01-24' }, context)).toEqual({
			ok: false,
			error: 'roster_error_departed_too_far'
		});
	});
});

describe('localDay', () => {
	it('gives the calendar day in the zone: late evening UTC is already tomorrow in WIB', () => {
		expect(localDay(new Date('2026-11-24T18:30:00Z'), 420)).toBe('2026-11-25');
		expect(localDay(new Date('2026-11-24T16:59:00Z'), 420)).toBe('2026-11-24');
		expect(localDay(new Date('2026-11-24T18:30:00Z'), 0)).toBe('2026-11-24');
	});
});
