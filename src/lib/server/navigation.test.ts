import { describe, expect, it } from 'vitest';
import { safeNext } from './navigation';

describe('safeNext', () => {
	it('keeps paths on this site', () => {
		expect(safeNext('/instructor/cohorts/1?page=2')).toBe('/instructor/cohorts/1?page=2');
	});
	it.each([null, '', 'https://evil.example/', '//evil.example', '/\\evil.example', 'home'])('drops %j', (next) => {
		expect(safeNext(next)).toBeNull();
	});
});
